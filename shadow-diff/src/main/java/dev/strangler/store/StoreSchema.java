package dev.strangler.store;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Opens a store database: builds the data source for its URL and applies pending Flyway
 * migrations ({@code classpath:db/migration}; one schema for the state and discrepancy stores).
 */
final class StoreSchema {

  private StoreSchema() {}

  /** A migrated database; {@code vendor} names it in log lines. */
  record Opened(DataSource dataSource, String vendor, int migrationsApplied) {}

  /**
   * @throws IllegalArgumentException for a URL that is neither SQLite nor PostgreSQL
   * @throws StoreException when the database cannot be reached or migrated
   */
  static Opened open(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    String vendor = StoreDataSource.vendor(jdbcUrl);
    DataSource dataSource = StoreDataSource.forUrl(jdbcUrl);
    return new Opened(dataSource, vendor, migrate(dataSource));
  }

  private static int migrate(DataSource dataSource) {
    try {
      return Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate()
          .migrationsExecuted;
    } catch (RuntimeException e) {
      throw new StoreException("cannot open or migrate the state store: " + e.getMessage(), e);
    }
  }
}
