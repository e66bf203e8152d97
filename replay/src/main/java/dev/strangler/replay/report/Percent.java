package dev.strangler.replay.report;

import java.util.Locale;

/** How parity is shown to people: a percentage with two decimals, or n/a. */
final class Percent {
  private Percent() {}

  static String of(Double fraction) {
    return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
  }

  static String threshold(Double percent) {
    return percent == null ? "" : String.format(Locale.ROOT, "%s%%", trim(percent));
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
