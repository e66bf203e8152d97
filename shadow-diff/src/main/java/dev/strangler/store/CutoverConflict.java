package dev.strangler.store;

import dev.strangler.routing.Side;
import dev.strangler.routing.Weight;

/**
 * A flip or weight change named the state it expected, and the store had another one in force:
 * nothing was stored. Carries what the store had, so the operator can decide again.
 */
public final class CutoverConflict extends RuntimeException {
  private final Weight weight;
  private final long seq;

  CutoverConflict(String route, Weight weight, long seq) {
    super("route " + route + " has " + weight + " (audit seq " + seq + ")", null, false, false);
    this.weight = weight;
    this.seq = seq;
  }

  /** The primary in force when the change was refused ({@link Weight#primary()}). */
  public Side primary() {
    return weight.primary();
  }

  /** The weight in force when the change was refused. */
  public Weight weight() {
    return weight;
  }

  /** The latest audit sequence number when the change was refused. */
  public long seq() {
    return seq;
  }
}
