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
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's durable state (JDBC, SQLite or PostgreSQL), shared by every edge instance of a
 * fleet: cutover overrides, the append-only audit log of flips and the fleet table
 * ({@link #instances()}). The schema is managed by Flyway ({@code db/migration}). Each store works
 * on one connection ({@link #withOwnConnection()} gives another). Thread-safe; every method
 * blocks on JDBC, so call it from a worker thread, never from an event loop.
 */
public final class StateStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

  private final DataSource dataSource;
  private final boolean postgres;
  private final ConnectionHolder db;
  private final Clock clock;

  private StateStore(DataSource dataSource, boolean postgres, Clock clock) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.db = new ConnectionHolder(dataSource);
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
    return new StateStore(db.dataSource(), db.vendor().equals("postgresql"), Clock.systemUTC());
  }

  /**
   * The same database on a connection of its own, so that a caller's slow or failing work
   * (a poll during an outage) never waits behind another's. Closing it closes only that
   * connection.
   */
  public StateStore withOwnConnection() {
    return new StateStore(dataSource, postgres, clock);
  }

  /** The fleet table, on this store's connection. */
  public InstanceStore instances() {
    return new InstanceStore(db);
  }

  /**
   * A listener told of every flip as it commits: PostgreSQL only (empty for SQLite, whose
   * instances poll {@link #latestSeq()}).
   *
   * @throws StoreException when the database cannot be reached
   */
  public Optional<AuditListener> listen() {
    return postgres ? Optional.of(AuditListener.open(dataSource)) : Optional.empty();
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
   * Decides a flip and, unless it is refused, stores the override and an audit entry in one
   * transaction; on PostgreSQL the transaction also announces the flip to every listener. Flips
   * are decided one at a time across every instance sharing the database: the transaction first
   * takes the audit sequence, then reads the primary in force (the stored override, else
   * {@code configured}), compares it with {@code flip.expect()} and writes.
   *
   * @param configured the route's primary in routes.yaml, in force while no override is stored
   * @return the stored entry, with the sequence number the database assigned, the time
   *     (millisecond precision) it was stored and the primary it replaced
   * @throws CutoverConflict when {@code flip.expect()} is set and another primary is in force
   * @throws StoreException when the database cannot be reached or written
   */
  public AuditEntry recordCutover(Flip flip, Side configured) {
    try {
      return db.inTransaction(c -> {
        long seq = nextSeq(c);
        Side current = storedOverride(c, flip.route()).orElse(configured);
        if (flip.expect() != null && flip.expect() != current) {
          throw new CutoverConflict(flip.route(), current, seq - 1);
        }
        Instant at = Instant.ofEpochMilli(clock.millis());
        AuditEntry entry = new AuditEntry(seq, at, flip.route(), current, flip.to(), flip.reason(),
            flip.actor(), flip.instance());
        insertAudit(c, entry);
        upsertOverride(c, flip.route(), flip.to(), at);
        if (postgres) {
          announce(c, seq);
        }
        return entry;
      });
    } catch (SQLException e) {
      throw new StoreException("cannot store the cutover of route " + flip.route(), e);
    }
  }

  /** The sequence number of the latest flip (0 before the first): a cheap poll for changes. */
  public long latestSeq() {
    try {
      return db.read(StateStore::lastSeq);
    } catch (SQLException e) {
      throw new StoreException("cannot read the audit sequence", e);
    }
  }

  private static long nextSeq(Connection c) throws SQLException {
    try (PreparedStatement up =
        c.prepareStatement("UPDATE audit_sequence SET last_seq = last_seq + 1 WHERE id = 1")) {
      if (up.executeUpdate() != 1) {
        throw new SQLException("audit_sequence has no row");
      }
    }
    return lastSeq(c);
  }

  private static long lastSeq(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM audit_sequence WHERE id = 1");
        ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("audit_sequence has no row");
      }
      return rs.getLong(1);
    }
  }

  private static Optional<Side> storedOverride(Connection c, String route) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT side FROM route_override WHERE route = ?")) {
      ps.setString(1, route);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(side(rs.getString(1))) : Optional.empty();
      }
    }
  }

  private static void announce(Connection c, long seq) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      ps.setString(1, AuditListener.CHANNEL);
      ps.setString(2, Long.toString(seq));
      ps.execute();
    }
  }

  private static void insertAudit(Connection c, AuditEntry e) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO cutover_audit (seq, at_millis, route, from_side, to_side, reason, actor,"
            + " instance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, e.seq());
      ps.setLong(2, e.at().toEpochMilli());
      ps.setString(3, e.route());
      ps.setString(4, e.from().id());
      ps.setString(5, e.to().id());
      ps.setString(6, e.reason());
      ps.setString(7, e.actor());
      ps.setString(8, e.instance());
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
            "SELECT seq, at_millis, route, from_side, to_side, reason, actor, instance"
                + " FROM cutover_audit WHERE seq > ? ORDER BY seq LIMIT ?")) {
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
                  rs.getString(7),
                  rs.getString(8)));
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
