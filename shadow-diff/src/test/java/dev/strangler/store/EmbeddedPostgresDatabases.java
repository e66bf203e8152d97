package dev.strangler.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL server (zonky, no Docker) handing out a fresh database per call. */
final class EmbeddedPostgresDatabases implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final String prefix;
  private final AtomicInteger databases = new AtomicInteger();

  EmbeddedPostgresDatabases(String prefix) throws Exception {
    this.postgres = EmbeddedPostgres.start();
    this.prefix = prefix;
  }

  /** The JDBC URL of a new, empty database. */
  String freshUrl() throws Exception {
    String name = prefix + "_" + databases.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  @Override
  public void close() throws Exception {
    postgres.close();
  }
}
