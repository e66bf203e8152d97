package dev.strangler.store;

import dev.strangler.routing.Side;
import java.util.Objects;

/**
 * An operator's order to set a route's primary.
 *
 * @param route    route id
 * @param to       the primary wanted
 * @param expect   the primary the operator believes is in force: the flip is refused with a
 *     {@link CutoverConflict} when the store says otherwise; null flips whatever is in force
 * @param reason   operator's reason
 * @param actor    who flips
 * @param instance the edge instance taking the flip (null when there is no fleet)
 */
public record Flip(String route, Side to, Side expect, String reason, String actor, String instance) {
  public Flip {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(actor, "actor");
  }
}
