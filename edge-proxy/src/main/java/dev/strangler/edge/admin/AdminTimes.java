package dev.strangler.edge.admin;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** How the admin API writes times: ISO-8601 UTC with milliseconds, like discrepancy records. */
final class AdminTimes {
  private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

  private AdminTimes() {}

  static String format(Instant at) {
    return MILLIS.format(at);
  }
}
