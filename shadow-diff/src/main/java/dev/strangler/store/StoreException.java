package dev.strangler.store;

/** The state store could not be opened, migrated, read or written. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
