package dev.strangler.replay.report;

import dev.strangler.record.Outcome;

/**
 * Outcome counters of a route (or of the whole run). Immutable.
 *
 * @param match        both sides agreed
 * @param diff         cores or statuses differ
 * @param extractFailed a core output could not be extracted
 * @param shadowError  a side gave no answer
 * @param skipped      not judged (no route, write method, no shadow, not modified, ...)
 * @param noise        differing only in learned noise (left out of parity)
 */
public record Counts(long match, long diff, long extractFailed, long shadowError, long skipped, long noise) {
  /** No requests yet. */
  public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

  /** Every request counted. */
  public long requests() {
    return match + diff + extractFailed + shadowError + skipped + noise;
  }

  /** Requests whose comparison had a verdict: match + noise + diff + extract_failed. */
  public long compared() {
    return match + noise + diff + extractFailed;
  }

  /**
   * (match + noise) / (match + noise + diff + extract_failed): learned noise is no discrepancy;
   * null when nothing was compared.
   */
  public Double parity() {
    return compared() == 0 ? null : (double) (match + noise) / compared();
  }

  /** These counts plus one request of the given outcome (dropped counts as skipped). */
  public Counts plus(Outcome o) {
    return switch (o) {
      case MATCH -> new Counts(match + 1, diff, extractFailed, shadowError, skipped, noise);
      case DIFF -> new Counts(match, diff + 1, extractFailed, shadowError, skipped, noise);
      case EXTRACT_FAILED -> new Counts(match, diff, extractFailed + 1, shadowError, skipped, noise);
      case SHADOW_ERROR -> new Counts(match, diff, extractFailed, shadowError + 1, skipped, noise);
      case DROPPED, SKIPPED -> new Counts(match, diff, extractFailed, shadowError, skipped + 1, noise);
      case NOISE -> new Counts(match, diff, extractFailed, shadowError, skipped, noise + 1);
    };
  }

  /** The sum of two counts. */
  public Counts plus(Counts o) {
    return new Counts(match + o.match, diff + o.diff, extractFailed + o.extractFailed,
        shadowError + o.shadowError, skipped + o.skipped, noise + o.noise);
  }
}
