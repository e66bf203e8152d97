package dev.strangler.store;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresNoiseStoreTest extends NoiseStoreContract {
  @RegisterExtension static final EmbeddedPostgresDatabases postgres = new EmbeddedPostgresDatabases("noise");

  @Override
  protected String freshUrl() throws Exception {
    return postgres.freshUrl();
  }
}
