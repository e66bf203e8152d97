package dev.strangler.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-minute parity buckets of each route in the edge's database (the same JDBC URL and Flyway
 * schema as the {@link StateStore}): every edge of a fleet adds its own counts to the shared rows,
 * so all of them read one history, and a restart loses none of it. Thread-safe; every method
 * blocks on JDBC, so never call it from an event loop.
 */
public final class ParityBuckets implements AutoCloseable {
  /** The width of a bucket. */
  public static final Duration MINUTE = Duration.ofMinutes(1);
  private static final String ADD =
      "INSERT INTO parity_bucket (route, minute_start, matched, judged) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (route, minute_start) DO UPDATE SET"
          + " matched = parity_bucket.matched + excluded.matched,"
          + " judged = parity_bucket.judged + excluded.judged";

  /** One route's minute: its start, the pairs judged in it and those that matched. */
  public record Bucket(String route, Instant minute, long matched, long judged) {}

  private final ConnectionHolder db;

  private ParityBuckets(ConnectionHolder db) {
    this.db = db;
  }

  /**
   * Opens the buckets at a JDBC URL, applying pending migrations.
   *
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static ParityBuckets open(String jdbcUrl) {
    return new ParityBuckets(new ConnectionHolder(StoreSchema.open(jdbcUrl).dataSource()));
  }

  /** The start of the minute holding {@code at}. */
  public static Instant minuteOf(Instant at) {
    return Instant.ofEpochMilli(at.toEpochMilli() - Math.floorMod(at.toEpochMilli(), MINUTE.toMillis()));
  }

  /** Adds counts to their buckets (each bucket's minute as given), in one transaction. */
  public void add(List<Bucket> deltas) {
    if (deltas.isEmpty()) {
      return;
    }
    try {
      db.inTransaction(c -> {
        try (PreparedStatement ps = c.prepareStatement(ADD)) {
          for (Bucket b : deltas) {
            ps.setString(1, b.route());
            ps.setLong(2, minuteOf(b.minute()).toEpochMilli());
            ps.setLong(3, b.matched());
            ps.setLong(4, b.judged());
            ps.addBatch();
          }
          ps.executeBatch();
        }
        return null;
      });
    } catch (SQLException e) {
      throw new StoreException("cannot add parity buckets", e);
    }
  }

  /** A route's buckets from {@code since} on, oldest first (minutes without pairs are absent). */
  public List<Bucket> since(String route, Instant since) {
    try {
      return db.read(c -> {
        List<Bucket> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT minute_start, matched, judged FROM parity_bucket"
            + " WHERE route = ? AND minute_start >= ? ORDER BY minute_start")) {
          ps.setString(1, route);
          ps.setLong(2, since.toEpochMilli());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(new Bucket(route, Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), rs.getLong(3)));
            }
          }
        }
        return List.copyOf(out);
      });
    } catch (SQLException e) {
      throw new StoreException("cannot read parity buckets", e);
    }
  }

  /** Deletes every bucket older than {@code before}; returns how many. */
  public int pruneBefore(Instant before) {
    try {
      return db.inTransaction(c -> {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM parity_bucket WHERE minute_start < ?")) {
          ps.setLong(1, before.toEpochMilli());
          return ps.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw new StoreException("cannot prune parity buckets", e);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
