package dev.strangler.replay.report;

import java.util.Locale;

/** How parity is shown to people: a percentage with two decimals, or n/a. */
public final class Percent {
  private Percent() {}

  /** A fraction as a percentage, e.g. {@code 98.50%}; n/a for null. */
  public static String of(Double fraction) {
    return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
  }

  /** A minimum given in percent, e.g. {@code 99%} or {@code 99.5%}; empty for null. */
  public static String threshold(Double percent) {
    return percent == null ? "" : String.format(Locale.ROOT, "%s%%", trim(percent));
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
