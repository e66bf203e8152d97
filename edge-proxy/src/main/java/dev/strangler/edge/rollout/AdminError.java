package dev.strangler.edge.rollout;

/** The admin API could not be used; the message is for the operator and never holds the token. */
final class AdminError extends Exception {
  AdminError(String message) {
    super(message);
  }

  AdminError(String message, Throwable cause) {
    super(message, cause);
  }
}
