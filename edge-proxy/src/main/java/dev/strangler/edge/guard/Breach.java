package dev.strangler.edge.guard;

import dev.strangler.config.GuardConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decides whether a window's totals pass a guard's limits and says so with the figures, e.g.
 * {@code guard: error rate 37.5% (30/80) over 60s > 2%}. Each rate is judged once its own count
 * reaches {@code min-requests}: the error rate over the requests new served, the diff rate over
 * their judged pairs (diffs over match, noise and diff).
 */
final class Breach {
  private Breach() {}

  /** The reason for a rollback, or null when the totals are within the limits. */
  static String of(GuardConfig guard, GuardWindow.Totals t) {
    String window = " over " + guard.windowSeconds() + "s > ";
    if (t.served() >= guard.minRequests() && rate(t.failed(), t.served()) > guard.maxErrorRate()) {
      return "guard: error rate " + percent(rate(t.failed(), t.served())) + " (" + t.failed() + "/" + t.served()
          + ")" + window + percent(guard.maxErrorRate());
    }
    if (t.judged() >= guard.minRequests() && rate(t.differed(), t.judged()) > guard.maxDiffRate()) {
      return "guard: diff rate " + percent(rate(t.differed(), t.judged())) + " (" + t.differed() + "/"
          + t.judged() + ")" + window + percent(guard.maxDiffRate());
    }
    return null;
  }

  private static double rate(long part, long whole) {
    return (double) part / whole;
  }

  /** A fraction as a percentage with at most two decimals: 0.375 as 37.5%, 0.02 as 2%. */
  static String percent(double fraction) {
    return BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString() + "%";
  }
}
