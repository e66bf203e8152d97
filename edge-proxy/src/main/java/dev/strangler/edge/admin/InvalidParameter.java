package dev.strangler.edge.admin;

/** A query parameter the admin API cannot use; the message names it: {@code limit: ...}. */
final class InvalidParameter extends Exception {
  InvalidParameter(String name, String problem) {
    super(name + ": " + problem);
  }
}
