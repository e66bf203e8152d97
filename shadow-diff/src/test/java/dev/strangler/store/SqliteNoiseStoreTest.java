package dev.strangler.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class SqliteNoiseStoreTest extends NoiseStoreContract {
  @TempDir Path dir;
  private final AtomicInteger n = new AtomicInteger();

  @Override
  protected String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("store-" + n.incrementAndGet() + "/edge.db");
  }
}
