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
  /** The shadow request failed (connect error, timeout, oversize body). */
  SHADOW_ERROR,
  /** A side's core output could not be extracted. */
  EXTRACT_FAILED,
  /** Not compared because the edge was overloaded. */
  DROPPED,
  /** Not mirrored (sampling, method, disabled). */
  SKIPPED;

  /** The name used in records, metrics and the admin API: lower case. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an {@link #id()}. */
  public static Optional<Outcome> parse(String id) {
    return Arrays.stream(values()).filter(o -> o.id().equals(id)).findFirst();
  }
}
