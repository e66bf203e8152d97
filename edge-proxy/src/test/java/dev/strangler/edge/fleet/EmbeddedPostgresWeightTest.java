package dev.strangler.edge.fleet;

import java.nio.file.Path;

/** Progressive cutover on two edges sharing a real PostgreSQL server (zonky). */
class EmbeddedPostgresWeightTest extends WeightContract {
  private RestartablePostgres postgres;

  @Override
  protected String startStore(Path dir) throws Exception {
    postgres = new RestartablePostgres(dir.resolve("pgdata"));
    return postgres.createDatabase("weights");
  }

  @Override
  protected void closeStore() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }
}
