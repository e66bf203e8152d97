package dev.strangler.store;

import dev.strangler.routing.Side;
import dev.strangler.routing.Weight;
import dev.strangler.store.AuditEntry.Action;
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
 * fleet: cutover overrides (a weight per changed route), the append-only audit log of flips and
 * weight changes and the fleet table
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

  /** The weight in force per route id, for every route an operator changed. */
  public Map<String, Weight> overrides() {
    try {
      return db.read(c -> {
        Map<String, Weight> result = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT route, side, weight FROM route_override");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            result.put(rs.getString(1), weight(rs.getString(2), rs.getObject(3)));
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
   * takes the audit sequence, then reads the weight in force (the stored override, else
   * {@code configured}), compares it with {@code flip.expect()} (a side expects its plain state,
   * so a partial weight in force refuses any expectation) and writes.
   *
   * @param configured the route's primary in routes.yaml, in force while no override is stored
   * @return the stored entry, with the sequence number the database assigned, the time
   *     (millisecond precision) it was stored and the primary it replaced
   * @throws CutoverConflict when {@code flip.expect()} is set and another state is in force
   * @throws StoreException when the database cannot be reached or written
   */
  public AuditEntry recordCutover(Flip flip, Side configured) {
    return record(flip.route(), Action.CUTOVER, Weight.of(flip.to()),
        flip.expect() == null ? null : Weight.of(flip.expect()), flip.reason(), flip.actor(), flip.instance(),
        Weight.of(configured));
  }

  /**
   * Decides and stores a weight change exactly like {@link #recordCutover} a flip: one at a time
   * across the fleet, refused when {@code change.expect()} is set and another weight is in force.
   *
   * @param configured the route's primary in routes.yaml, in force while no override is stored
   * @throws CutoverConflict when {@code change.expect()} is set and another weight is in force
   * @throws StoreException when the database cannot be reached or written
   */
  public AuditEntry recordWeight(WeightChange change, Side configured) {
    return record(change.route(), Action.WEIGHT, change.to(), change.expect(), change.reason(), change.actor(),
        change.instance(), Weight.of(configured));
  }

  private AuditEntry record(String route, Action action, Weight to, Weight expect, String reason, String actor,
      String instance, Weight configured) {
    try {
      return db.inTransaction(c -> {
        long seq = nextSeq(c);
        Weight current = storedOverride(c, route).orElse(configured);
        if (expect != null && !expect.equals(current)) {
          throw new CutoverConflict(route, current, seq - 1);
        }
        Instant at = Instant.ofEpochMilli(clock.millis());
        AuditEntry entry = new AuditEntry(seq, at, route, current.primary(), to.primary(), reason, actor, instance,
            action, current, to);
        insertAudit(c, entry);
        upsertOverride(c, route, to, at);
        if (postgres) {
          announce(c, seq);
        }
        return entry;
      });
    } catch (SQLException e) {
      throw new StoreException("cannot store the " + action.id() + " of route " + route, e);
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

  private static Optional<Weight> storedOverride(Connection c, String route) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT side, weight FROM route_override WHERE route = ?")) {
      ps.setString(1, route);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(weight(rs.getString(1), rs.getObject(2))) : Optional.empty();
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
            + " instance, action, weight_from, weight_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, e.seq());
      ps.setLong(2, e.at().toEpochMilli());
      ps.setString(3, e.route());
      ps.setString(4, e.from().id());
      ps.setString(5, e.to().id());
      ps.setString(6, e.reason());
      ps.setString(7, e.actor());
      ps.setString(8, e.instance());
      ps.setString(9, e.action().id());
      ps.setInt(10, e.fromWeight().toNew());
      ps.setInt(11, e.toWeight().toNew());
      ps.executeUpdate();
    }
  }

  private static void upsertOverride(Connection c, String route, Weight to, Instant at)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO route_override (route, side, updated_at, weight) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (route) DO UPDATE SET side = excluded.side,"
            + " updated_at = excluded.updated_at, weight = excluded.weight")) {
      ps.setString(1, route);
      ps.setString(2, to.primary().id());
      ps.setLong(3, at.toEpochMilli());
      ps.setInt(4, to.toNew());
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
            "SELECT seq, at_millis, route, from_side, to_side, reason, actor, instance, action,"
                + " weight_from, weight_to FROM cutover_audit WHERE seq > ? ORDER BY seq LIMIT ?")) {
          ps.setLong(1, afterSeq);
          ps.setInt(2, limit);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              result.add(auditEntry(rs));
            }
          }
        }
        return List.copyOf(result);
      });
    } catch (SQLException e) {
      throw new StoreException("cannot read the audit log", e);
    }
  }

  private static AuditEntry auditEntry(ResultSet rs) throws SQLException {
    Side from = side(rs.getString(4));
    Side to = side(rs.getString(5));
    return new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), from, to,
        rs.getString(6), rs.getString(7), rs.getString(8),
        "weight".equals(rs.getString(9)) ? Action.WEIGHT : Action.CUTOVER,
        weight(rs.getString(4), rs.getObject(10)), weight(rs.getString(5), rs.getObject(11)));
  }

  /** A stored weight; a row from before weights existed holds the plain state of its side. */
  private static Weight weight(String side, Object weight) throws SQLException {
    if (weight == null) {
      return Weight.of(side(side));
    }
    int w = ((Number) weight).intValue();
    if (w < 0 || w > 100) {
      throw new SQLException("weight " + w + " out of range in the state store");
    }
    return new Weight(w);
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
