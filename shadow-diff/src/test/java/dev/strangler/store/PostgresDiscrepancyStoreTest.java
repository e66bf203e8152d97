package dev.strangler.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.record.Records;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDiscrepancyStoreTest extends DiscrepancyStoreContract {
  @RegisterExtension static final EmbeddedPostgresDatabases postgres = new EmbeddedPostgresDatabases("discrepancies");

  @Override
  protected String freshUrl() throws Exception {
    return postgres.freshUrl();
  }

  /**
   * While the database holds the writer's first batch (a table lock taken here), the queue fills
   * up and every further offer is refused at once and counted.
   */
  @Test
  void aFullQueueDropsAndCountsWithoutBlocking() throws Exception {
    String url = freshUrl();
    try (DiscrepancyStore store = DiscrepancyStore.open(url);
        DiscrepancyWriter writer = new DiscrepancyWriter(store, 4, 100, Duration.ofHours(1));
        Connection locker = DriverManager.getConnection(url);
        Connection observer = DriverManager.getConnection(url)) {
      locker.setAutoCommit(false);
      try (Statement st = locker.createStatement()) {
        st.execute("LOCK TABLE discrepancy IN ACCESS EXCLUSIVE MODE");
      }
      assertThat(writer.offer(Records.diff("r", t(0)))).isTrue();
      awaitABackendWaitingForALock(observer);

      int accepted = 0;
      for (int i = 1; i <= 7; i++) {
        if (writer.offer(Records.diff("r", t(i)))) {
          accepted++;
        }
      }
      assertThat(accepted).isEqualTo(4);
      assertThat(writer.offered()).isEqualTo(8);
      assertThat(writer.dropped()).isEqualTo(3);

      locker.rollback();
      assertThat(writer.flush()).isTrue();
      assertThat(writer.stored()).isEqualTo(5);
      assertThat(store.find("r", null, null, 100)).hasSize(5);
      assertThat(store.groups("r", null, 10).get(0).count()).isEqualTo(5);
    }
  }

  /** Polls from an auto-commit connection: activity statistics are a snapshot per transaction. */
  private static void awaitABackendWaitingForALock(Connection c) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity"
              + " WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the writer never waited for the table lock");
  }
}
