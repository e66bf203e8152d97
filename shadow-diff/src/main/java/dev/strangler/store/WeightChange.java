package dev.strangler.store;

import dev.strangler.routing.Weight;
import java.util.Objects;

/**
 * An operator's order to set the share of a route's users served by the new side.
 *
 * @param route    route id
 * @param to       the weight wanted
 * @param expect   the weight the operator believes is in force: the change is refused with a
 *     {@link CutoverConflict} when the store says otherwise; null changes whatever is in force
 * @param reason   operator's reason
 * @param actor    who changes it
 * @param instance the edge instance taking the change (null when there is no fleet)
 */
public record WeightChange(String route, Weight to, Weight expect, String reason, String actor, String instance) {
  public WeightChange {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(actor, "actor");
  }
}
