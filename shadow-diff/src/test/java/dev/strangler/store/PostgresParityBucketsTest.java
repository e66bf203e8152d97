package dev.strangler.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresParityBucketsTest extends ParityBucketsContract {
  private static EmbeddedPostgresDatabases postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = new EmbeddedPostgresDatabases("parity");
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  protected String freshUrl() throws Exception {
    return postgres.freshUrl();
  }
}
