package dev.strangler.store;

import static dev.strangler.store.DiscrepancyStoreContract.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Records;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscrepancyWriterTest {
  @TempDir Path dir;
  private String url;
  private DiscrepancyStore store;

  @BeforeEach
  void open() {
    url = "jdbc:sqlite:" + dir.resolve("edge.db");
    store = DiscrepancyStore.open(url);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void storesTheFirstSamplesOfAFingerprintAndCountsTheRest() throws Exception {
    try (DiscrepancyWriter writer = new DiscrepancyWriter(store, 100, 2, Duration.ofHours(1))) {
      for (int i = 0; i < 10; i++) {
        assertThat(writer.offer(Records.withFingerprint("r", "r:a", t(i)))).isTrue();
      }
      for (int i = 0; i < 3; i++) {
        writer.offer(Records.withFingerprint("r", "r:b", t(100 + i)));
      }
      assertThat(writer.flush()).isTrue();

      assertThat(writer.stored()).isEqualTo(4);
      assertThat(writer.sampledOut()).isEqualTo(9);
      assertThat(store.find(null, "r:a", null, 100)).extracting(DiscrepancyRecord::at)
          .containsExactly(t(1), t(0));
      assertThat(store.groups("r", null, 10))
          .extracting(FingerprintGroup::fingerprint, FingerprintGroup::count)
          .containsExactly(tuple("r:a", 10L), tuple("r:b", 3L));
      FingerprintGroup a = store.groups("r", null, 1).get(0);
      assertThat(a.firstSeen()).isEqualTo(t(0));
      assertThat(a.lastSeen()).isEqualTo(t(9));
      assertThat(a.example().at()).isEqualTo(t(0));
    }
  }

  @Test
  void aNewWindowStoresSamplesAgain() throws Exception {
    AtomicLong nanos = new AtomicLong();
    try (DiscrepancyWriter writer =
        new DiscrepancyWriter(store, 100, 1, Duration.ofMinutes(1), nanos::get)) {
      for (int i = 0; i < 3; i++) {
        writer.offer(Records.withFingerprint("r", "r:a", t(i)));
      }
      assertThat(writer.flush()).isTrue();
      nanos.addAndGet(TimeUnit.MINUTES.toNanos(2));
      for (int i = 3; i < 6; i++) {
        writer.offer(Records.withFingerprint("r", "r:a", t(i)));
      }
      assertThat(writer.flush()).isTrue();

      assertThat(writer.stored()).isEqualTo(2);
      assertThat(writer.sampledOut()).isEqualTo(4);
      assertThat(store.find(null, "r:a", null, 10)).extracting(DiscrepancyRecord::at)
          .containsExactly(t(3), t(0));
      assertThat(store.groups(null, null, 10).get(0).count()).isEqualTo(6);
    }
  }

  @Test
  void aFailingDatabaseIsRetriedWithoutStoppingTheWriter() throws Exception {
    try (DiscrepancyWriter writer = new DiscrepancyWriter(store, 100, 10, Duration.ofHours(1))) {
      sql("ALTER TABLE discrepancy RENAME TO discrepancy_away");
      writer.offer(Records.diff("r", t(1)));
      awaitFailedWrite(writer);
      sql("ALTER TABLE discrepancy_away RENAME TO discrepancy");

      assertThat(writer.flush()).isTrue();
      assertThat(writer.stored()).isEqualTo(1);
      assertThat(writer.lost()).isZero();

      writer.offer(Records.diff("r", t(2)));
      assertThat(writer.flush()).isTrue();
      assertThat(writer.stored()).isEqualTo(2);
      assertThat(store.find("r", null, null, 10)).hasSize(2);
    }
  }

  @Test
  void closingGivesUpAFailingBatchAndRefusesNewRecords() throws Exception {
    DiscrepancyWriter writer = new DiscrepancyWriter(store, 100, 10, Duration.ofHours(1));
    sql("ALTER TABLE discrepancy_group RENAME TO discrepancy_group_away");
    writer.offer(Records.diff("r", t(1)));
    writer.offer(Records.diff("r", t(2)));
    awaitFailedWrite(writer);

    writer.close();

    assertThat(writer.lost()).isEqualTo(2);
    assertThat(writer.stored()).isZero();
    assertThat(writer.offer(Records.diff("r", t(3)))).isFalse();
    assertThat(writer.dropped()).isEqualTo(1);
    sql("ALTER TABLE discrepancy_group_away RENAME TO discrepancy_group");
    assertThat(store.find(null, null, null, 10)).isEmpty();
  }

  @Test
  void closeWritesWhatIsQueued() throws Exception {
    DiscrepancyWriter writer = new DiscrepancyWriter(store, 1000, 1000, Duration.ofHours(1));
    for (int i = 0; i < 700; i++) {
      assertThat(writer.offer(Records.diff("r", t(i)))).isTrue();
    }
    writer.close();

    assertThat(writer.stored()).isEqualTo(700);
    assertThat(store.groups(null, null, 10).get(0).count()).isEqualTo(700);
  }

  @Test
  void refusesNonPositiveSettings() {
    assertThatThrownBy(() -> new DiscrepancyWriter(store, 0, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DiscrepancyWriter(store, 1, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DiscrepancyWriter(store, 1, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  private static void awaitFailedWrite(DiscrepancyWriter writer) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (writer.failedWrites() == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the write never failed");
      }
      Thread.sleep(10);
    }
  }
}
