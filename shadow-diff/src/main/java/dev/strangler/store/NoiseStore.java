package dev.strangler.store;

import dev.strangler.compare.DiffKind;
import dev.strangler.noise.NoiseCounts;
import dev.strangler.noise.ShapeKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The noise model's totals in the edge's database (same JDBC URL and Flyway schema as the other
 * stores), so that a fleet and restarts share what was learned: counts are added, never
 * replaced. Shapes longer than {@value #MAX_SHAPE} characters are not stored. Thread-safe; every
 * method blocks on JDBC, so never call it from an event loop.
 */
public final class NoiseStore implements AutoCloseable {
  /** Longest shape stored (the column's width). */
  public static final int MAX_SHAPE = 500;

  private static final String ADD_ROUTE = "INSERT INTO noise_route (route, observations) VALUES (?, ?)"
      + " ON CONFLICT (route) DO UPDATE SET observations = noise_route.observations + excluded.observations";
  private static final String ADD_SHAPE = "INSERT INTO noise_shape (route, shape, observed) VALUES (?, ?, ?)"
      + " ON CONFLICT (route, shape) DO UPDATE SET observed = noise_shape.observed + excluded.observed";
  private static final String ADD_DIFF = "INSERT INTO noise_diff (route, shape, kind, differed) VALUES (?, ?, ?, ?)"
      + " ON CONFLICT (route, shape, kind) DO UPDATE SET differed = noise_diff.differed + excluded.differed";

  private final ConnectionHolder connection;

  private NoiseStore(ConnectionHolder connection) {
    this.connection = connection;
  }

  /**
   * Opens the store at a JDBC URL, applying pending migrations.
   *
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static NoiseStore open(String jdbcUrl) {
    return new NoiseStore(new ConnectionHolder(StoreSchema.open(jdbcUrl).dataSource()));
  }

  /** Adds counts to the totals, all in one transaction. */
  public void add(Map<String, NoiseCounts> counts) {
    try {
      connection.inTransaction(c -> {
        try (PreparedStatement route = c.prepareStatement(ADD_ROUTE);
            PreparedStatement shape = c.prepareStatement(ADD_SHAPE);
            PreparedStatement diff = c.prepareStatement(ADD_DIFF)) {
          for (Map.Entry<String, NoiseCounts> e : counts.entrySet()) {
            batch(route, shape, diff, e.getKey(), e.getValue());
          }
          route.executeBatch();
          shape.executeBatch();
          diff.executeBatch();
        }
        return null;
      });
    } catch (SQLException e) {
      throw new StoreException("cannot store the noise counts of " + counts.size() + " route(s)", e);
    }
  }

  private static void batch(PreparedStatement route, PreparedStatement shape, PreparedStatement diff, String id,
      NoiseCounts n) throws SQLException {
    route.setString(1, id);
    route.setLong(2, n.observations());
    route.addBatch();
    for (Map.Entry<String, Long> o : n.observed().entrySet()) {
      if (o.getKey().length() <= MAX_SHAPE) {
        shape.setString(1, id);
        shape.setString(2, o.getKey());
        shape.setLong(3, o.getValue());
        shape.addBatch();
      }
    }
    for (Map.Entry<ShapeKind, Long> d : n.differed().entrySet()) {
      if (d.getKey().shape().length() <= MAX_SHAPE) {
        diff.setString(1, id);
        diff.setString(2, d.getKey().shape());
        diff.setString(3, d.getKey().kind().id());
        diff.setLong(4, d.getValue());
        diff.addBatch();
      }
    }
  }

  /** The totals of every route. */
  public Map<String, NoiseCounts> load() {
    try {
      return connection.read(NoiseStore::load);
    } catch (SQLException e) {
      throw new StoreException("cannot read the noise counts", e);
    }
  }

  private static Map<String, NoiseCounts> load(Connection c) throws SQLException {
    Map<String, Long> observations = new HashMap<>();
    Map<String, Map<String, Long>> observed = new HashMap<>();
    Map<String, Map<ShapeKind, Long>> differed = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT route, observations FROM noise_route");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        observations.put(rs.getString(1), rs.getLong(2));
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT route, shape, observed FROM noise_shape");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        observed.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT route, shape, kind, differed FROM noise_diff");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        DiffKind kind = DiffKind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT));
        differed.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
            .put(new ShapeKind(rs.getString(2), kind), rs.getLong(4));
      }
    }
    Map<String, NoiseCounts> out = new HashMap<>();
    observations.forEach((route, n) -> out.put(route,
        new NoiseCounts(n, observed.getOrDefault(route, Map.of()), differed.getOrDefault(route, Map.of()))));
    return out;
  }

  @Override
  public void close() {
    connection.close();
  }
}
