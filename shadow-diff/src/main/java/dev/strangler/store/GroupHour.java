package dev.strangler.store;

import java.time.Duration;
import java.time.Instant;

/**
 * How many records one fingerprint group got in one hour, on every edge sharing the store.
 *
 * @param fingerprint the group
 * @param hour        the start of the hour
 * @param count       records in it, stored or sampled out
 */
public record GroupHour(String fingerprint, Instant hour, long count) {
  /** The width of a trend step. */
  public static final Duration HOUR = Duration.ofHours(1);

  /** The start of the hour holding {@code at}. */
  public static Instant hourOf(Instant at) {
    long ms = at.toEpochMilli();
    return Instant.ofEpochMilli(ms - Math.floorMod(ms, HOUR.toMillis()));
  }
}
