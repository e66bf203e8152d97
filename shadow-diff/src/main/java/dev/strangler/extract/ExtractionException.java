package dev.strangler.extract;

/** Why a core output cannot be extracted; becomes an {@link Extraction.Failed}. */
final class ExtractionException extends Exception {
  ExtractionException(String reason) {
    super(reason);
  }

  ExtractionException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
