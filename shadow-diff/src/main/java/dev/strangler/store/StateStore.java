package dev.strangler.store;

import dev.strangler.routing.Side;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's durable state (JDBC, SQLite or PostgreSQL): cutover overrides and the append-only
 * audit log of flips. The schema is managed by Flyway ({@code db/migration}). Thread-safe; every
 * method blocks on JDBC, so call it from a worker thread, never from an event loop.
 */
public final class StateStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

  private final ConnectionHolder db;
  private final Clock clock;

  private StateStore(ConnectionHolder db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Opens the store at a JDBC URL ({@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://...}),
   * creating a SQLite file's parent directories and applying pending migrations.
   *
   * @throws IllegalArgumentException for another kind of URL
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static StateStore open(String jdbcUrl) {
    StoreSchema.Opened db = StoreSchema.open(jdbcUrl);
    LOG.info("state store ready ({}), {} migration(s) applied", db.vendor(), db.migrationsApplied());
    return new StateStore(new ConnectionHolder(db.dataSource()), Clock.systemUTC());
  }

  /** The current override per route id. */
  public Map<String, Side> overrides() {
    try {
      return db.read(c -> {
        Map<String, Side> result = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT route, side FROM route_override");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            result.put(rs.getString(1), side(rs.getString(2)));
          }
        }
        return Map.copyOf(result);
      });
    } catch (SQLException e) {
      throw new StoreException("cannot read the cutover overrides", e);
    }
  }

  /**
   * Stores the override and appends an audit entry in one transaction.
   *
   * @return the stored entry, with the sequence number the database assigned and the time
   *     (millisecond precision) it was stored
   */
  public AuditEntry recordCutover(String route, Side from, Side to, String reason, String actor) {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(actor, "actor");
    try {
      return db.inTransaction(c -> {
        Instant at = Instant.ofEpochMilli(clock.millis());
        AuditEntry entry = new AuditEntry(nextSeq(c), at, route, from, to, reason, actor);
        insertAudit(c, entry);
        upsertOverride(c, route, to, at);
        return entry;
      });
    } catch (SQLException e) {
      throw new StoreException("cannot store the cutover of route " + route, e);
    }
  }

  private static long nextSeq(Connection c) throws SQLException {
    try (PreparedStatement up =
        c.prepareStatement("UPDATE audit_sequence SET last_seq = last_seq + 1 WHERE id = 1")) {
      if (up.executeUpdate() != 1) {
        throw new SQLException("audit_sequence has no row");
      }
    }
    try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM audit_sequence WHERE id = 1");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void insertAudit(Connection c, AuditEntry e) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO cutover_audit (seq, at_millis, route, from_side, to_side, reason, actor)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, e.seq());
      ps.setLong(2, e.at().toEpochMilli());
      ps.setString(3, e.route());
      ps.setString(4, e.from().id());
      ps.setString(5, e.to().id());
      ps.setString(6, e.reason());
      ps.setString(7, e.actor());
      ps.executeUpdate();
    }
  }

  private static void upsertOverride(Connection c, String route, Side to, Instant at)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO route_override (route, side, updated_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (route) DO UPDATE SET side = excluded.side,"
            + " updated_at = excluded.updated_at")) {
      ps.setString(1, route);
      ps.setString(2, to.id());
      ps.setLong(3, at.toEpochMilli());
      ps.executeUpdate();
    }
  }

  /**
   * Audit entries with seq greater than afterSeq, oldest first, at most limit.
   *
   * @throws IllegalArgumentException when limit is not positive
   */
  public List<AuditEntry> audit(long afterSeq, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    try {
      return db.read(c -> {
        List<AuditEntry> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT seq, at_millis, route, from_side, to_side, reason, actor FROM cutover_audit"
                + " WHERE seq > ? ORDER BY seq LIMIT ?")) {
          ps.setLong(1, afterSeq);
          ps.setInt(2, limit);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              result.add(new AuditEntry(
                  rs.getLong(1),
                  Instant.ofEpochMilli(rs.getLong(2)),
                  rs.getString(3),
                  side(rs.getString(4)),
                  side(rs.getString(5)),
                  rs.getString(6),
                  rs.getString(7)));
            }
          }
        }
        return List.copyOf(result);
      });
    } catch (SQLException e) {
      throw new StoreException("cannot read the audit log", e);
    }
  }

  private static Side side(String stored) throws SQLException {
    return Side.parse(stored)
        .orElseThrow(() -> new SQLException("unknown side '" + stored + "' in the state store"));
  }

  @Override
  public void close() {
    db.close();
  }
}
