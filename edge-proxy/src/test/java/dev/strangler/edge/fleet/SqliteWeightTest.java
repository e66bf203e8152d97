package dev.strangler.edge.fleet;

import java.nio.file.Path;

/** Progressive cutover on two edges sharing one SQLite file. */
class SqliteWeightTest extends WeightContract {
  @Override
  protected String startStore(Path dir) {
    return "jdbc:sqlite:" + dir.resolve("edge.db");
  }

  @Override
  protected void closeStore() {}
}
