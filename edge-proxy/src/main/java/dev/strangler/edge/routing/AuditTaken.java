package dev.strangler.edge.routing;

import dev.strangler.config.EdgeConfig;
import dev.strangler.store.AuditEntry;

/**
 * Told of every audit entry this instance takes (stores), once fleet-wide: entries other
 * instances took and this one only applies are not told. Called on the thread that took the
 * entry, after it applied here; must not block.
 */
@FunctionalInterface
public interface AuditTaken {
  /**
   * @param entry  the entry as stored
   * @param config the config in force when it was taken
   */
  void taken(AuditEntry entry, EdgeConfig config);

  /** Tells nobody. */
  AuditTaken NONE = (entry, config) -> {};
}
