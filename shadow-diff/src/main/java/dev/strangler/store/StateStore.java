package dev.strangler.store;

import dev.strangler.routing.Side;
import java.util.List;
import java.util.Map;

/**
 * The edge's durable state (JDBC): cutover overrides and the append-only audit log.
 * PLACEHOLDER SIGNATURES: being implemented (Flyway-managed schema, SQLite and PostgreSQL).
 */
public final class StateStore implements AutoCloseable {

  /** Opens (and migrates) the store at a JDBC URL. */
  public static StateStore open(String jdbcUrl) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The current override per route id. */
  public Map<String, Side> overrides() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Stores the override and appends an audit entry in one transaction. */
  public AuditEntry recordCutover(String route, Side from, Side to, String reason, String actor) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Audit entries with seq greater than afterSeq, oldest first, at most limit. */
  public List<AuditEntry> audit(long afterSeq, int limit) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public void close() {}
}
