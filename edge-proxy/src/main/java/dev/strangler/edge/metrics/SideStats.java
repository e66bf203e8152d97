package dev.strangler.edge.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.concurrent.TimeUnit;

/**
 * What one side of a route answered on this instance, as the served side or as the shadow.
 *
 * @param answered requests answered since start (as the shadow: answers and failures)
 * @param errors   of them, 5xx answers (the edge's own 502/504 for connect failures and timeouts
 *                 included; as the shadow: 5xx, timeouts, connect failures and broken answers)
 * @param p50Millis median time to a complete answer over the last few minutes, null without one
 * @param p99Millis 99th percentile over the same minutes, null without one
 */
public record SideStats(long answered, long errors, Double p50Millis, Double p99Millis) {
  /** Nothing answered. */
  public static final SideStats NONE = new SideStats(0, 0, null, null);

  /** Counts and the recent percentiles of a {@link SideMeters#recentTimer} (an empty window reads as 0: null). */
  static SideStats of(Timer timer, long answered, long errors) {
    Double p50 = null;
    Double p99 = null;
    for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
      double ms = v.value(TimeUnit.MILLISECONDS);
      if (!(ms > 0)) {
        continue;
      }
      if (v.percentile() == 0.5) {
        p50 = ms;
      } else if (v.percentile() == 0.99) {
        p99 = ms;
      }
    }
    return new SideStats(answered, errors, p50, p99);
  }
}
