package dev.strangler.edge.fleet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A real PostgreSQL server (zonky's embedded binaries, no Docker) that can be stopped and started
 * again on the same port and data directory: a database outage and its end.
 */
final class RestartablePostgres implements AutoCloseable {
  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres postgres;

  RestartablePostgres(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    try (ServerSocket probe = new ServerSocket(0)) {
      this.port = probe.getLocalPort();
    }
    start();
  }

  /** Starts the server on the data directory (created on the first start). */
  void start() throws IOException {
    postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  /** Stops the server ({@code pg_ctl stop -m fast}: every connection is closed); the data stays. */
  void stop() throws IOException {
    postgres.close();
    postgres = null;
  }

  /** Creates a database and returns its JDBC URL. */
  String createDatabase(String name) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      stop();
    }
  }
}
