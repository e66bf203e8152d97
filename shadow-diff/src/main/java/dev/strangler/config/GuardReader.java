package dev.strangler.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a route's {@code guard: {max-error-rate, max-diff-rate, min-requests, window}}; a key left
 * out takes its value from {@link GuardConfig#standard()}. Rates are percentages from 0% to 100%
 * ({@code 2%}, {@code 0.5%}); the window is whole seconds, 1s to 1h.
 */
final class GuardReader {
  static final List<String> KEYS = List.of("max-error-rate", "max-diff-rate", "min-requests", "window");

  private GuardReader() {}

  /** The guard of a route, or null when it has none. */
  static GuardConfig read(Optional<Fields> guard) throws ConfigException {
    if (guard.isEmpty()) {
      return null;
    }
    GuardConfig base = GuardConfig.standard();
    Fields f = guard.get();
    return new GuardConfig(
        f.value("max-error-rate", base.maxErrorRate(), GuardReader::percent),
        f.value("max-diff-rate", base.maxDiffRate(), GuardReader::percent),
        f.value("min-requests", base.minRequests(), Values::positiveInt),
        f.value("window", base.window(), GuardReader::window));
  }

  static double percent(String text) {
    String t = text.strip();
    String expected = "expected a percentage from 0% to 100%, like 2% or 0.5%";
    if (!t.endsWith("%")) {
      throw new IllegalArgumentException(expected);
    }
    double d;
    try {
      d = Double.parseDouble(t.substring(0, t.length() - 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(expected);
    }
    if (!Double.isFinite(d) || d < 0 || d > 100) {
      throw new IllegalArgumentException(expected);
    }
    return d / 100;
  }

  static Duration window(String text) {
    String expected = "expected whole seconds from 1s to 1h, like 60s or 5m";
    Duration d;
    try {
      d = Durations.parse(text.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(expected);
    }
    if (d.toMillis() % 1000 != 0 || d.compareTo(GuardConfig.MAX_WINDOW) > 0) {
      throw new IllegalArgumentException(expected);
    }
    return d;
  }
}
