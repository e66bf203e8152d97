package dev.strangler.edge.alerts;

import dev.strangler.edge.guard.GuardRollback;
import dev.strangler.store.AuditEntry;
import java.util.Locale;

/** What an alert tells of: an operator's flip, a weight change, or a guard's rollback. */
public enum AlertKind {
  FLIP,
  WEIGHT,
  GUARD_ROLLBACK;

  /** The name in the alert's {@code "event"} field: lower case. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of an audit entry: taken by the guard ({@link GuardRollback#ACTOR}), a weight change, or a flip. */
  public static AlertKind of(AuditEntry entry) {
    if (GuardRollback.ACTOR.equals(entry.actor())) {
      return GUARD_ROLLBACK;
    }
    return entry.action() == AuditEntry.Action.WEIGHT ? WEIGHT : FLIP;
  }
}
