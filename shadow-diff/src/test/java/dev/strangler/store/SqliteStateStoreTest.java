package dev.strangler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateStoreTest extends StateStoreContract {
  @TempDir Path dir;
  private final AtomicInteger n = new AtomicInteger();

  @Override
  protected String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("state-" + n.incrementAndGet() + "/nested/edge.db");
  }

  @Test
  void createsParentDirectoriesAndUsesWal() throws Exception {
    Path file = dir.resolve("a/b/c/edge.db");
    String url = "jdbc:sqlite:" + file;
    StateStore.open(url).close();

    assertThat(Files.isRegularFile(file)).isTrue();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void sqliteHasNoListenerAndIsPolled() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      assertThat(store.listen()).isEmpty();
    }
  }
}
