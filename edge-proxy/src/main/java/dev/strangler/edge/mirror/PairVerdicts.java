package dev.strangler.edge.mirror;

import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;

/**
 * Told of the verdict of every judged pair, with the side that served it (the rollback guard
 * watches the diff rate of what new served). Called on judge threads; must not block.
 */
@FunctionalInterface
public interface PairVerdicts {
  /** A pair of {@code route} served by {@code servedBy} was judged {@code outcome}. */
  void judged(String route, Side servedBy, Outcome outcome);

  /** Tells nobody. */
  PairVerdicts NONE = (route, servedBy, outcome) -> {};
}
