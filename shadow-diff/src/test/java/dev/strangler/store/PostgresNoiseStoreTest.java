package dev.strangler.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresNoiseStoreTest extends NoiseStoreContract {
  private static EmbeddedPostgresDatabases postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = new EmbeddedPostgresDatabases("noise");
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
