package dev.strangler.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet table ({@code edge_instance}): one row per edge instance sharing the store, written
 * by its heartbeat. Obtained from {@link StateStore#instances()}; works on that store's
 * connection. Blocking (JDBC).
 */
public final class InstanceStore {
  private final ConnectionHolder db;

  InstanceStore(ConnectionHolder db) {
    this.db = db;
  }

  /** Writes the instance's row, creating it on the first beat. */
  public void beat(InstanceRecord r) {
    try {
      db.read(c -> {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO edge_instance (id, address, version, started_at, last_seen, config_hash,"
                + " audit_seq, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET address = excluded.address,"
                + " version = excluded.version, started_at = excluded.started_at,"
                + " last_seen = excluded.last_seen, config_hash = excluded.config_hash,"
                + " audit_seq = excluded.audit_seq, state = excluded.state")) {
          ps.setString(1, r.id());
          ps.setString(2, r.address());
          ps.setString(3, r.version());
          ps.setLong(4, r.started().toEpochMilli());
          ps.setLong(5, r.lastSeen().toEpochMilli());
          ps.setString(6, r.configHash());
          ps.setLong(7, r.auditSeq());
          ps.setString(8, r.state().id());
          return ps.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw new StoreException("cannot write the heartbeat of instance " + r.id(), e);
    }
  }

  /** Every instance's row, by id. */
  public List<InstanceRecord> list() {
    try {
      return db.read(c -> {
        List<InstanceRecord> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT id, address, version, started_at, last_seen, config_hash, audit_seq, state"
                + " FROM edge_instance ORDER BY id");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new InstanceRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)),
                rs.getString(6), rs.getLong(7), state(rs.getString(8))));
          }
        }
        return List.copyOf(rows);
      });
    } catch (SQLException e) {
      throw new StoreException("cannot read the fleet's instances", e);
    }
  }

  /** Deletes the rows of instances last seen before {@code before}; returns how many. */
  public int forget(Instant before) {
    try {
      return db.read(c -> {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM edge_instance WHERE last_seen < ?")) {
          ps.setLong(1, before.toEpochMilli());
          return ps.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw new StoreException("cannot forget old instances", e);
    }
  }

  private static InstanceState state(String stored) throws SQLException {
    return InstanceState.parse(stored)
        .orElseThrow(() -> new SQLException("unknown instance state '" + stored + "' in the state store"));
  }
}
