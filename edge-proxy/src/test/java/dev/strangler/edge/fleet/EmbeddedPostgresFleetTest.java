package dev.strangler.edge.fleet;

import java.nio.file.Path;
import java.time.Duration;

/** The fleet contract on a real PostgreSQL server (zonky), stopped and restarted for the outage. */
class EmbeddedPostgresFleetTest extends FleetContract {
  private RestartablePostgres postgres;

  @Override
  protected String startStore(Path dir) throws Exception {
    postgres = new RestartablePostgres(dir.resolve("pgdata"));
    return postgres.createDatabase("fleet");
  }

  @Override
  protected Duration bound() {
    return Duration.ofSeconds(1);
  }

  /** Flips are announced (LISTEN/NOTIFY): the median is far under the 500 ms poll. */
  @Override
  protected Duration medianBound() {
    return Duration.ofMillis(150);
  }

  @Override
  protected String label() {
    return "PostgreSQL (zonky embedded)";
  }

  @Override
  protected boolean storeCanGoAway() {
    return true;
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
