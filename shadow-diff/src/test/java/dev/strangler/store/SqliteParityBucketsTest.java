package dev.strangler.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteParityBucketsTest extends ParityBucketsContract {
  @TempDir Path dir;

  @Override
  protected String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("edge.db");
  }
}
