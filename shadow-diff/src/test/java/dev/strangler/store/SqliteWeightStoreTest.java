package dev.strangler.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class SqliteWeightStoreTest extends WeightStoreContract {
  @TempDir Path dir;
  private final AtomicInteger n = new AtomicInteger();

  @Override
  protected String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("weights-" + n.incrementAndGet() + ".db");
  }
}
