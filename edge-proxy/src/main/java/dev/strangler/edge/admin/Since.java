package dev.strangler.edge.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lower time bound of discrepancy queries ({@code since=} of the admin API, {@code --since}
 * of {@code edge export}): an ISO-8601 instant such as {@code 2026-11-25T10:00:00Z}, or a
 * duration back from now: a positive whole number and a unit ({@code ms}, {@code s}, {@code m},
 * {@code h}, {@code d}), such as {@code 15m}, {@code 2h} or {@code 1d}.
 */
public final class Since {
  /** The accepted forms, for error messages. */
  public static final String FORMS =
      "an ISO-8601 instant like 2026-11-25T10:00:00Z or a duration back from now like 15m, 2h or 1d";
  private static final Pattern AGO = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Since() {}

  /**
   * The instant {@code text} names, durations counted back from {@code now}.
   *
   * @throws IllegalArgumentException saying the accepted forms
   */
  public static Instant parse(String text, Instant now) {
    String t = text.strip();
    Matcher m = AGO.matcher(t);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      if (amount > 0) {
        return now.minus(duration(amount, m.group(2)));
      }
    } else {
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException e) {
        // falls through to the message below
      }
    }
    throw new IllegalArgumentException("expected " + FORMS);
  }

  private static Duration duration(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
