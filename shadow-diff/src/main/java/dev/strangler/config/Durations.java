package dev.strangler.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in routes.yaml: a positive whole number and a unit, {@code 250ms},
 * {@code 5s}, {@code 2m}, {@code 1h}; where a key allows it, zero ({@code 0s}).
 */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses a positive duration.
   *
   * @throws IllegalArgumentException saying the expected form
   */
  public static Duration parse(String text) {
    return parse(text, false);
  }

  /**
   * Parses a duration that may be zero ({@code 0s}).
   *
   * @throws IllegalArgumentException saying the expected form
   */
  public static Duration parseZeroOrMore(String text) {
    return parse(text, true);
  }

  /** The form {@link #parse} reads, in the largest unit that writes it whole: {@code 10m}, {@code 90s}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  private static Duration parse(String text, boolean zero) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches() || (!zero && Long.parseLong(m.group(1)) == 0)) {
      throw new IllegalArgumentException(zero
          ? "expected a duration: a whole number with unit ms, s, m or h, like 0s, 250ms or 5s"
          : "expected a duration: a positive whole number with unit ms, s, m or h, like 250ms or 5s");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}
