package dev.strangler.store;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresParityBucketsTest extends ParityBucketsContract {
  @RegisterExtension static final EmbeddedPostgresDatabases postgres = new EmbeddedPostgresDatabases("parity");

  @Override
  protected String freshUrl() throws Exception {
    return postgres.freshUrl();
  }
}
