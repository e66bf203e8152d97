package dev.strangler.edge.fleet;

import java.nio.file.Path;
import java.time.Duration;

/** The fleet contract on one SQLite file shared by the three edge processes of one host. */
class SqliteFleetTest extends FleetContract {

  @Override
  protected String startStore(Path dir) {
    return "jdbc:sqlite:" + dir.resolve("shared/edge.db");
  }

  @Override
  protected Duration bound() {
    return Duration.ofSeconds(2);
  }

  /** The fleet's poll period: flips fall anywhere between two polls. */
  @Override
  protected Duration jitter() {
    return Duration.ofMillis(500);
  }

  @Override
  protected String label() {
    return "SQLite file shared by the processes";
  }

  @Override
  protected boolean storeCanGoAway() {
    return false;
  }

  @Override
  protected void stopStore() {
    throw new UnsupportedOperationException("a local SQLite file does not go away");
  }

  @Override
  protected void restartStore() {
    throw new UnsupportedOperationException("a local SQLite file does not go away");
  }

  @Override
  protected void closeStore() {
    // the file goes with the temporary directory
  }
}
