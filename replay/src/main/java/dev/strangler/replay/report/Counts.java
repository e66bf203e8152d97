package dev.strangler.replay.report;

import dev.strangler.record.Outcome;

/**
 * Outcome counters of a route (or of the whole run). Immutable.
 *
 * @param match        both sides agreed
 * @param diff         cores or statuses differ
 * @param extractFailed a core output could not be extracted
 * @param shadowError  a side gave no answer
 * @param skipped      not judged (no route, write method, no shadow, ...)
 */
public record Counts(long match, long diff, long extractFailed, long shadowError, long skipped) {
  /** No requests yet. */
  public static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

  /** Every request counted. */
  public long requests() {
    return match + diff + extractFailed + shadowError + skipped;
  }

  /** Requests whose comparison had a verdict: match + diff + extract_failed. */
  public long compared() {
    return match + diff + extractFailed;
  }

  /** match / (match + diff + extract_failed); null when nothing was compared. */
  public Double parity() {
    return compared() == 0 ? null : (double) match / compared();
  }

  /** These counts plus one request of the given outcome (dropped counts as skipped). */
  public Counts plus(Outcome o) {
    return switch (o) {
      case MATCH -> new Counts(match + 1, diff, extractFailed, shadowError, skipped);
      case DIFF -> new Counts(match, diff + 1, extractFailed, shadowError, skipped);
      case EXTRACT_FAILED -> new Counts(match, diff, extractFailed + 1, shadowError, skipped);
      case SHADOW_ERROR -> new Counts(match, diff, extractFailed, shadowError + 1, skipped);
      case DROPPED, SKIPPED -> new Counts(match, diff, extractFailed, shadowError, skipped + 1);
    };
  }

  /** The sum of two counts. */
  public Counts plus(Counts o) {
    return new Counts(match + o.match, diff + o.diff, extractFailed + o.extractFailed,
        shadowError + o.shadowError, skipped + o.skipped);
  }
}
