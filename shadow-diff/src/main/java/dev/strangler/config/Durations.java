package dev.strangler.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in routes.yaml: a positive whole number and a unit, {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException saying the expected form
   */
  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    long amount = m.matches() ? Long.parseLong(m.group(1)) : 0;
    if (amount == 0) {
      throw new IllegalArgumentException(
          "expected a duration: a positive whole number with unit ms, s, m or h, like 250ms or 5s");
    }
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}
