package dev.strangler.store;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresWeightStoreTest extends WeightStoreContract {
  @RegisterExtension static final EmbeddedPostgresDatabases postgres = new EmbeddedPostgresDatabases("weights");

  @Override
  protected String freshUrl() throws Exception {
    return postgres.freshUrl();
  }
}
