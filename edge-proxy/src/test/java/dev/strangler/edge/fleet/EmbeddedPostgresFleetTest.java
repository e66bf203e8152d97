package dev.strangler.edge.fleet;

import java.nio.file.Path;

/** The fleet contract on a real PostgreSQL server (zonky), stopped and restarted for the outage. */
class EmbeddedPostgresFleetTest extends PostgresFleetContract {
  private RestartablePostgres postgres;

  @Override
  protected String startStore(Path dir) throws Exception {
    postgres = new RestartablePostgres(dir.resolve("pgdata"));
    return postgres.createDatabase("fleet");
  }

  @Override
  protected String label() {
    return "PostgreSQL (zonky embedded)";
  }

  @Override
  protected void stopStore() throws Exception {
    postgres.stop();
  }

  @Override
  protected void restartStore() throws Exception {
    postgres.start();
  }

  @Override
  protected void closeStore() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }
}
