package dev.strangler.store;

import dev.strangler.routing.Side;
import dev.strangler.routing.Weight;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a route's routing in the append-only audit log: a cutover or a weight change.
 *
 * @param seq        monotonic sequence number, assigned by the store
 * @param at         when the change was stored
 * @param route      route id
 * @param from       primary before the change, as the store had it ({@link Weight#primary()})
 * @param to         primary after the change
 * @param reason     operator's reason
 * @param actor      who changed it (from the admin request)
 * @param instance   the edge instance that took it; null for entries stored before instances
 *     were named
 * @param action     what the operator asked for
 * @param fromWeight the weight before the change
 * @param toWeight   the weight after the change: the state every instance applies
 */
public record AuditEntry(
    long seq, Instant at, String route, Side from, Side to, String reason, String actor, String instance,
    Action action, Weight fromWeight, Weight toWeight) {

  /** What an audit entry records. */
  public enum Action {
    /** A flip to one side ({@code POST /admin/routes/{id}/cutover}). */
    CUTOVER,
    /** A weight change ({@code POST /admin/routes/{id}/weight}). */
    WEIGHT;

    /** The name used in the store and the admin API. */
    public String id() {
      return this == CUTOVER ? "cutover" : "weight";
    }
  }

  public AuditEntry {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(fromWeight, "fromWeight");
    Objects.requireNonNull(toWeight, "toWeight");
  }

  /** A flip between the plain states of two sides. */
  public AuditEntry(
      long seq, Instant at, String route, Side from, Side to, String reason, String actor, String instance) {
    this(seq, at, route, from, to, reason, actor, instance, Action.CUTOVER, Weight.of(from), Weight.of(to));
  }
}
