package dev.strangler.store;

import dev.strangler.routing.Side;

/**
 * A flip named the primary it expected, and the store had another one in force: nothing was
 * stored. Carries what the store had, so the operator can decide again.
 */
public final class CutoverConflict extends RuntimeException {
  private final Side primary;
  private final long seq;

  CutoverConflict(String route, Side primary, long seq) {
    super("route " + route + " has primary " + primary + " (audit seq " + seq + ")", null, false, false);
    this.primary = primary;
    this.seq = seq;
  }

  /** The primary in force when the flip was refused. */
  public Side primary() {
    return primary;
  }

  /** The latest audit sequence number when the flip was refused. */
  public long seq() {
    return seq;
  }
}
