package dev.strangler.store;

import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.RecordJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discrepancy records and fingerprint groups in the edge's database (the same JDBC URL and
 * Flyway schema as the {@link StateStore}). Writes come in batches from one
 * {@link DiscrepancyWriter}; reads (admin API, export) use their own connection, so a long read
 * never holds up writing. Thread-safe; every method blocks on JDBC, so never call it from an
 * event loop.
 */
public final class DiscrepancyStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscrepancyStore.class);
  private static final int EXPORT_PAGE = 500;

  private static final String INSERT_RECORD =
      "INSERT INTO discrepancy (id, at_millis, route, fingerprint, outcome, method, path, record_json)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
  private static final String UPSERT_GROUP =
      "INSERT INTO discrepancy_group"
          + " (fingerprint, route, outcome, occurrences, first_seen, last_seen, example_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET"
          + " occurrences = discrepancy_group.occurrences + excluded.occurrences,"
          + " first_seen = CASE WHEN excluded.first_seen < discrepancy_group.first_seen"
          + " THEN excluded.first_seen ELSE discrepancy_group.first_seen END,"
          + " last_seen = CASE WHEN excluded.last_seen > discrepancy_group.last_seen"
          + " THEN excluded.last_seen ELSE discrepancy_group.last_seen END,"
          + " example_id = COALESCE(discrepancy_group.example_id, excluded.example_id)";

  private static final String ADD_HOUR =
      "INSERT INTO discrepancy_group_hour (fingerprint, hour_start, route, occurrences)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT (fingerprint, hour_start) DO UPDATE SET"
          + " occurrences = discrepancy_group_hour.occurrences + excluded.occurrences";
  /** How long a group's hourly counts are kept. */
  static final Duration TREND_RETENTION = Duration.ofDays(8);

  private final ConnectionHolder writes;
  private volatile long nextPrune;
  private final ConnectionHolder reads;

  private DiscrepancyStore(ConnectionHolder writes, ConnectionHolder reads) {
    this.writes = writes;
    this.reads = reads;
  }

  /**
   * Opens the store at a JDBC URL ({@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://...}),
   * applying pending migrations.
   *
   * @throws IllegalArgumentException for another kind of URL
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static DiscrepancyStore open(String jdbcUrl) {
    StoreSchema.Opened db = StoreSchema.open(jdbcUrl);
    LOG.info("discrepancy store ready ({}), {} migration(s) applied", db.vendor(),
        db.migrationsApplied());
    return new DiscrepancyStore(
        new ConnectionHolder(db.dataSource()), new ConnectionHolder(db.dataSource()));
  }

  /**
   * Stores records whole and adds to their groups' counts, in one transaction.
   *
   * @param stored records to store whole (a record already stored is left as it is)
   * @param counts per fingerprint, what to add to its group
   */
  public void write(List<DiscrepancyRecord> stored, Map<String, GroupDelta> counts) {
    try {
      writes.inTransaction(c -> {
        insertRecords(c, stored);
        upsertGroups(c, counts);
        addHours(c, counts);
        pruneHours(c);
        return null;
      });
    } catch (SQLException e) {
      throw new StoreException("cannot store " + stored.size() + " discrepancy record(s)", e);
    }
  }

  private static void insertRecords(Connection c, List<DiscrepancyRecord> records)
      throws SQLException {
    if (records.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_RECORD)) {
      for (DiscrepancyRecord r : records) {
        ps.setString(1, r.id());
        ps.setLong(2, r.at().toEpochMilli());
        ps.setString(3, r.route());
        ps.setString(4, r.fingerprint());
        ps.setString(5, r.outcome().id());
        ps.setString(6, r.method());
        ps.setString(7, r.path());
        ps.setString(8, RecordJson.write(r));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void upsertGroups(Connection c, Map<String, GroupDelta> counts)
      throws SQLException {
    if (counts.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT_GROUP)) {
      for (Map.Entry<String, GroupDelta> e : counts.entrySet()) {
        GroupDelta d = e.getValue();
        ps.setString(1, e.getKey());
        ps.setString(2, d.route());
        ps.setString(3, d.outcome().id());
        ps.setLong(4, d.count());
        ps.setLong(5, d.firstSeen().toEpochMilli());
        ps.setLong(6, d.lastSeen().toEpochMilli());
        ps.setString(7, d.exampleId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Adds each delta's count to the hour of its last record (a batch spans well under an hour). */
  private static void addHours(Connection c, Map<String, GroupDelta> counts) throws SQLException {
    if (counts.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(ADD_HOUR)) {
      for (Map.Entry<String, GroupDelta> e : counts.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setLong(2, GroupHour.hourOf(e.getValue().lastSeen()).toEpochMilli());
        ps.setString(3, e.getValue().route());
        ps.setLong(4, e.getValue().count());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Drops hourly counts past {@link #TREND_RETENTION}, at most once an hour. */
  private void pruneHours(Connection c) throws SQLException {
    long now = System.currentTimeMillis();
    if (now < nextPrune) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM discrepancy_group_hour WHERE hour_start < ?")) {
      ps.setLong(1, now - TREND_RETENTION.toMillis());
      ps.executeUpdate();
    }
    nextPrune = now + GroupHour.HOUR.toMillis();
  }

  /** A route's hourly group counts from {@code since} on, oldest hour first (empty hours absent). */
  public List<GroupHour> hours(String route, Instant since) {
    try {
      return reads.read(c -> {
        List<GroupHour> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint, hour_start, occurrences"
            + " FROM discrepancy_group_hour WHERE route = ? AND hour_start >= ?"
            + " ORDER BY hour_start, fingerprint")) {
          ps.setString(1, route);
          ps.setLong(2, GroupHour.hourOf(since).toEpochMilli());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(new GroupHour(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3)));
            }
          }
        }
        return List.copyOf(out);
      });
    } catch (SQLException e) {
      throw new StoreException("cannot read discrepancy group hours", e);
    }
  }

  /**
   * Stored records, newest first.
   *
   * @param route       only this route; null for all
   * @param fingerprint only this fingerprint; null for all
   * @param since       only records at or after this time; null for all
   * @param limit       at most this many (positive)
   */
  public List<DiscrepancyRecord> find(String route, String fingerprint, Instant since, int limit) {
    return find(route, fingerprint, since, null, limit);
  }

  /**
   * Stored records, newest first, that come after the record {@code before} in that order: pass
   * the id of the last record of one page to get the next page.
   *
   * @param route       only this route; null for all
   * @param fingerprint only this fingerprint; null for all
   * @param since       only records at or after this time; null for all
   * @param before      only records older than the stored record with this id; null for all
   * @param limit       at most this many (positive)
   * @throws NoSuchElementException when no stored record has the id {@code before}
   */
  public List<DiscrepancyRecord> find(
      String route, String fingerprint, Instant since, String before, int limit) {
    int max = positive(limit);
    try {
      return reads.read(c -> {
        Long beforeAt = before == null ? null : atOf(c, before);
        Query q = new Query("SELECT record_json FROM discrepancy")
            .where("route = ?", route)
            .where("fingerprint = ?", fingerprint)
            .where("at_millis >= ?", since == null ? null : since.toEpochMilli())
            .where(before != null, "at_millis <= ? AND (at_millis < ? OR id < ?)",
                beforeAt, beforeAt, before)
            .end(" ORDER BY at_millis DESC, id DESC LIMIT ?", max);
        List<DiscrepancyRecord> out = new ArrayList<>();
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(RecordJson.read(rs.getString(1)));
          }
        }
        return List.copyOf(out);
      });
    } catch (SQLException e) {
      throw new StoreException("cannot read discrepancy records", e);
    }
  }

  private static long atOf(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT at_millis FROM discrepancy WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NoSuchElementException("no discrepancy record with id '" + id + "'");
        }
        return rs.getLong(1);
      }
    }
  }

  /**
   * Fingerprint groups, most frequent first.
   *
   * @param route only this route; null for all
   * @param since only groups last seen at or after this time; null for all (counts are totals)
   * @param limit at most this many (positive)
   */
  public List<FingerprintGroup> groups(String route, Instant since, int limit) {
    Query q = new Query("SELECT g.fingerprint, g.route, g.outcome, g.occurrences, g.first_seen,"
        + " g.last_seen, d.record_json FROM discrepancy_group g"
        + " LEFT JOIN discrepancy d ON d.id = g.example_id")
        .where("g.route = ?", route)
        .where("g.last_seen >= ?", since == null ? null : since.toEpochMilli())
        .end(" ORDER BY g.occurrences DESC, g.last_seen DESC, g.fingerprint LIMIT ?",
            positive(limit));
    try {
      return reads.read(c -> {
        List<FingerprintGroup> out = new ArrayList<>();
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String example = rs.getString(7);
            out.add(new FingerprintGroup(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), Instant.ofEpochMilli(rs.getLong(5)),
                Instant.ofEpochMilli(rs.getLong(6)),
                example == null ? null : RecordJson.read(example)));
          }
        }
        return List.copyOf(out);
      });
    } catch (SQLException e) {
      throw new StoreException("cannot read discrepancy groups", e);
    }
  }

  /**
   * Streams stored records at or after {@code since} (null: all), oldest first, a page at a
   * time: only one page is in memory, and the database is not held while {@code sink} runs.
   */
  public void export(Instant since, Consumer<DiscrepancyRecord> sink) {
    export(null, since, sink);
  }

  /** Like {@link #export(Instant, Consumer)}, only the records of {@code route} (null: all). */
  public void export(String route, Instant since, Consumer<DiscrepancyRecord> sink) {
    long lastAt = since == null ? Long.MIN_VALUE : since.toEpochMilli();
    String lastId = "";
    while (true) {
      List<DiscrepancyRecord> page = exportPage(route, lastAt, lastId);
      page.forEach(sink);
      if (page.size() < EXPORT_PAGE) {
        return;
      }
      DiscrepancyRecord last = page.get(page.size() - 1);
      lastAt = last.at().toEpochMilli();
      lastId = last.id();
    }
  }

  /** Records after the key (lastAt, lastId), where lastId "" includes everything at lastAt. */
  private List<DiscrepancyRecord> exportPage(String route, long lastAt, String lastId) {
    Query q = new Query("SELECT record_json FROM discrepancy")
        .where("route = ?", route)
        .where(true, "(at_millis > ? OR (at_millis = ? AND id > ?))", lastAt, lastAt, lastId)
        .end(" ORDER BY at_millis, id LIMIT ?", EXPORT_PAGE);
    try {
      return reads.read(c -> {
        List<DiscrepancyRecord> out = new ArrayList<>(EXPORT_PAGE);
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(RecordJson.read(rs.getString(1)));
          }
        }
        return out;
      });
    } catch (SQLException e) {
      throw new StoreException("cannot export discrepancy records", e);
    }
  }

  private static int positive(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    return limit;
  }

  @Override
  public void close() {
    writes.close();
    reads.close();
  }
}
