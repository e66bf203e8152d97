package dev.strangler.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Builds the {@link DataSource} for a store URL: SQLite (file, WAL, busy timeout) or PostgreSQL. */
final class StoreDataSource {
  static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
  private static final String SQLITE = "jdbc:sqlite:";
  private static final String POSTGRES = "jdbc:postgresql:";

  private StoreDataSource() {}

  /** The vendor of a store URL, for messages ("sqlite" or "postgresql"). */
  static String vendor(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith(SQLITE)) {
      return "sqlite";
    }
    if (url.startsWith(POSTGRES)) {
      return "postgresql";
    }
    throw new IllegalArgumentException(
        "unsupported state store URL: expected jdbc:sqlite:<file> or jdbc:postgresql://...");
  }

  static DataSource forUrl(String jdbcUrl) {
    return switch (vendor(jdbcUrl)) {
      case "sqlite" -> sqlite(jdbcUrl);
      default -> postgres(jdbcUrl);
    };
  }

  private static DataSource sqlite(String jdbcUrl) {
    sqliteFile(jdbcUrl).ifPresent(StoreDataSource::createParentDirs);
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(jdbcUrl);
    return ds;
  }

  private static DataSource postgres(String jdbcUrl) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl);
    return ds;
  }

  /** The database file of a SQLite URL; empty for in-memory databases. */
  static Optional<Path> sqliteFile(String jdbcUrl) {
    String spec = jdbcUrl.substring(SQLITE.length());
    int query = spec.indexOf('?');
    if (query >= 0) {
      spec = spec.substring(0, query);
    }
    if (spec.startsWith("file:")) {
      spec = spec.substring("file:".length());
    }
    if (spec.isEmpty() || spec.startsWith(":memory:") || spec.startsWith(":resource:")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(spec));
  }

  private static void createParentDirs(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException("cannot create the state store directory " + parent, e);
    }
  }
}
