package dev.strangler.compare;

import dev.strangler.json.Tape;

/**
 * The bytes two containers share, walked front to back: one vectorized comparison finds how far
 * the two documents agree from a pair of children on, and every later pair at the same shift that
 * ends inside that run is identical without a comparison of its own. So a changed document's
 * unchanged siblings cost one pass over their bytes, not one call each.
 */
final class SharedRun {
  private final Tape legacy;
  private final Tape fresh;
  private final int legacyEnd;
  private final int freshEnd;
  private int shift;
  private int end = -1;

  /** For the children of container {@code i} of {@code legacy} and container {@code j} of {@code fresh}. */
  SharedRun(Tape legacy, int i, Tape fresh, int j) {
    this.legacy = legacy;
    this.fresh = fresh;
    this.legacyEnd = legacy.end(i);
    this.freshEnd = fresh.end(j);
  }

  /**
   * Whether legacy bytes {@code [from, to)} equal new bytes {@code [freshFrom, freshTo)}; calls
   * must come in document order.
   */
  boolean same(int from, int to, int freshFrom, int freshTo) {
    if (to - from != freshTo - freshFrom) {
      return false;
    }
    if (freshFrom - from != shift || from >= end) {
      shift = freshFrom - from;
      end = from + legacy.sharedBytes(from, fresh, freshFrom, legacyEnd, freshEnd);
    }
    return to <= end;
  }
}
