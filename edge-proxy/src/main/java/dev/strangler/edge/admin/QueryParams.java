package dev.strangler.edge.admin;

import java.time.Instant;

/** Reads the query parameters of the discrepancy endpoints, naming the one that is wrong. */
final class QueryParams {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private QueryParams() {}

  /** The value, or null when it is absent or blank (no filter). */
  static String optional(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** {@code limit}: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
  static int limit(String value) throws InvalidParameter {
    String text = optional(value);
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new InvalidParameter("limit", "expected a whole number from 1 to " + MAX_LIMIT + ", got '" + text + "'");
  }

  /** {@code since} (see {@link Since}); null when absent. */
  static Instant since(String value, Instant now) throws InvalidParameter {
    String text = optional(value);
    if (text == null) {
      return null;
    }
    try {
      return Since.parse(text, now);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter("since", e.getMessage() + ", got '" + text + "'");
    }
  }
}
