package dev.strangler.record;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How one request eligible for mirroring ended; every such request ends in exactly one. */
public enum Outcome {
  /** Both sides agreed. */
  MATCH,
  /** The core outputs or statuses differ. */
  DIFF,
  /** The shadow request failed (connect error, reset, timeout, a malformed answer). */
  SHADOW_ERROR,
  /** A side's core output could not be extracted. */
  EXTRACT_FAILED,
  /** Not compared because the edge shed it under load (in-flight limit, full pool or judge queue). */
  DROPPED,
  /**
   * Mirrored but not compared: the serving side failed ({@code primary-*}), a body was over
   * {@code shadow.max-body}, a side answered 304 Not Modified ({@code not-modified}), or judging
   * failed. (Requests not sampled, of an unlisted method or on a route with shadowing off are not
   * mirror-eligible and get no outcome.)
   */
  SKIPPED,
  /**
   * The cores differ, but only in (path shape, kind) pairs learned as noise: they also differ
   * between two answers of the same side. Counted and stored, left out of parity.
   */
  NOISE;

  /** The name used in records, metrics and the admin API: lower case. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an {@link #id()}. */
  public static Optional<Outcome> parse(String id) {
    return Arrays.stream(values()).filter(o -> o.id().equals(id)).findFirst();
  }
}
