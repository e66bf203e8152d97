package dev.strangler.demo.persist;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Durable host storage for the persist op contract ({@code persist/append}, {@code read},
 * {@code last-seq}, {@code streams}, {@code truncate}, {@code kv-get}, {@code kv-put},
 * {@code kv-delete}, {@code kv-has?}, {@code kv-keys}) on SQLite, a file or {@code :memory:}.
 *
 * <p>Invariants: last-seq is a per-stream high-water mark kept in its own table, so it keeps
 * climbing after {@link #truncate}; events keep the seq their appender gave them and an append at or
 * below last-seq is refused; {@link #read} returns the surviving events in append order;
 * {@link #streams} is every stream ever appended to, even when fully compacted; event data and kv
 * values are stored as JSON text and come back structurally equal (numbers compare by value: an
 * integer put as a LongNode may come back as an IntNode). All methods are thread-safe.
 */
public final class PersistStore implements AutoCloseable {
  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS events (stream TEXT NOT NULL, seq INTEGER NOT NULL,"
        + " type TEXT NOT NULL, at TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (stream, seq))",
    "CREATE TABLE IF NOT EXISTS stream_seqs (stream TEXT PRIMARY KEY, last_seq INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
  };

  private final Connection db;
  private int transactionDepth;

  private PersistStore(Connection db) {
    this.db = db;
  }

  /** Opens (creating if needed) the store in a SQLite file; state survives close and reopen. */
  public static PersistStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + file, e);
    }
    return connect("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /** A store that lives only as long as this object. */
  public static PersistStore inMemory() {
    return connect("jdbc:sqlite::memory:");
  }

  private static PersistStore connect(String url) {
    try {
      Connection db = DriverManager.getConnection(url);
      try (Statement statement = db.createStatement()) {
        for (String ddl : SCHEMA) {
          statement.execute(ddl);
        }
      }
      return new PersistStore(db);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open persist store " + url, e);
    }
  }

  /**
   * {@code persist/append}: stores {@code event} in {@code stream} under the seq it carries and
   * raises the stream's last-seq to it.
   *
   * @throws IllegalArgumentException if the event names another stream or its seq is not above
   *     the stream's last-seq (a seq is never reassigned, not even after truncation)
   */
  public void append(String stream, PersistEvent event) {
    if (!stream.equals(event.stream())) {
      throw new IllegalArgumentException(
          "event of stream '" + event.stream() + "' appended to '" + stream + "'");
    }
    atomically(() -> {
      long last = lastSeq(stream);
      if (event.seq() <= last) {
        throw new IllegalArgumentException(
            "seq " + event.seq() + " is not above last-seq " + last + " of stream '" + stream + "'");
      }
      update("INSERT INTO events (stream, seq, type, at, data) VALUES (?, ?, ?, ?, ?)",
          stream, event.seq(), event.type(), event.at().toString(), JsonValues.write(event.data()));
      update("INSERT INTO stream_seqs (stream, last_seq) VALUES (?, ?)"
          + " ON CONFLICT (stream) DO UPDATE SET last_seq = excluded.last_seq", stream, event.seq());
      return null;
    });
  }

  /** {@code persist/read}: the stream's surviving events, oldest first, seqs intact. */
  public List<PersistEvent> read(String stream) {
    return query("SELECT seq, type, at, data FROM events WHERE stream = ? ORDER BY seq",
        rs -> new PersistEvent(stream, rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)),
            JsonValues.parse(rs.getString(4))), stream);
  }

  /** {@code persist/last-seq}: the highest seq ever appended to the stream, 0 if none. */
  public long lastSeq(String stream) {
    List<Long> seqs = query("SELECT last_seq FROM stream_seqs WHERE stream = ?", rs -> rs.getLong(1), stream);
    return seqs.isEmpty() ? 0 : seqs.get(0);
  }

  /** {@code persist/streams}: every stream that ever had an append, by name. */
  public List<String> streams() {
    return query("SELECT stream FROM stream_seqs ORDER BY stream", rs -> rs.getString(1));
  }

  /** {@code persist/truncate}: drops the stream's events with seq at or below {@code n}. */
  public void truncate(String stream, long n) {
    update("DELETE FROM events WHERE stream = ? AND seq <= ?", stream, n);
  }

  /** {@code persist/kv-get}: the value under {@code key}; a stored JSON null is present. */
  public Optional<JsonNode> kvGet(String key) {
    return query("SELECT value FROM kv WHERE key = ?", rs -> JsonValues.parse(rs.getString(1)), key)
        .stream().findFirst();
  }

  /** {@code persist/kv-put}: upserts {@code value} (Java null is stored as JSON null). */
  public void kvPut(String key, JsonNode value) {
    update("INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        key, JsonValues.write(value));
  }

  /** {@code persist/kv-delete}: removes the key, if present. */
  public void kvDelete(String key) {
    update("DELETE FROM kv WHERE key = ?", key);
  }

  /** {@code persist/kv-has?}: whether a value is stored under {@code key}. */
  public boolean kvHas(String key) {
    return !query("SELECT 1 FROM kv WHERE key = ?", rs -> rs.getInt(1), key).isEmpty();
  }

  /** {@code persist/kv-keys}: every key, sorted. */
  public List<String> kvKeys() {
    return query("SELECT key FROM kv ORDER BY key", rs -> rs.getString(1));
  }

  /**
   * Runs {@code work} as one transaction, excluding other threads meanwhile; nested calls join the
   * outer transaction. Any exception rolls everything back.
   */
  public synchronized <T> T atomically(Supplier<T> work) {
    if (transactionDepth > 0) {
      transactionDepth++;
      try {
        return work.get();
      } finally {
        transactionDepth--;
      }
    }
    try {
      db.setAutoCommit(false);
      transactionDepth = 1;
      try {
        T result = work.get();
        db.commit();
        return result;
      } catch (RuntimeException | Error e) {
        db.rollback();
        throw e;
      } finally {
        transactionDepth = 0;
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("persist transaction failed", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close persist store", e);
    }
  }

  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private synchronized <T> List<T> query(String sql, Row<T> row, Object... params) {
    try (PreparedStatement statement = prepare(sql, params);
        ResultSet rs = statement.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row.read(rs));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("persist query failed: " + sql, e);
    }
  }

  private synchronized void update(String sql, Object... params) {
    try (PreparedStatement statement = prepare(sql, params)) {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("persist update failed: " + sql, e);
    }
  }

  private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
    return statement;
  }
}
