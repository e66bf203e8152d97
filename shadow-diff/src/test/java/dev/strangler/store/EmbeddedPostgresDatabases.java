package dev.strangler.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL server (zonky, no Docker) for a test class, handing out a fresh database
 * per call. Register it as a static {@code @RegisterExtension} field: it starts before the
 * class's tests and stops after them.
 */
final class EmbeddedPostgresDatabases implements BeforeAllCallback, AfterAllCallback {
  private final String prefix;
  private final AtomicInteger databases = new AtomicInteger();
  private EmbeddedPostgres postgres;

  EmbeddedPostgresDatabases(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (postgres != null) {
      postgres.close();
    }
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
}
