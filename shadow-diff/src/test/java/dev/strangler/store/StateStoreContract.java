package dev.strangler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.routing.Side;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Behaviour every state store backend must show; subclasses supply fresh databases. */
abstract class StateStoreContract {

  /** A JDBC URL of a new, empty database. */
  protected abstract String freshUrl() throws Exception;

  @Test
  void newStoreIsEmpty() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      assertThat(store.overrides()).isEmpty();
      assertThat(store.audit(0, 10)).isEmpty();
    }
  }

  @Test
  void cutoverStoresOverrideAndAuditEntry() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      AuditEntry entry = store.recordCutover("post-read", Side.LEGACY, Side.NEW, "parity 99.9%", "ops");

      assertThat(entry.seq()).isEqualTo(1);
      assertThat(entry.at().getNano() % 1_000_000).isZero();
      assertThat(entry).extracting(AuditEntry::route, AuditEntry::from, AuditEntry::to,
              AuditEntry::reason, AuditEntry::actor)
          .containsExactly("post-read", Side.LEGACY, Side.NEW, "parity 99.9%", "ops");
      assertThat(store.audit(0, 10)).containsExactly(entry);
      assertThat(store.overrides()).isEqualTo(Map.of("post-read", Side.NEW));
    }
  }

  @Test
  void overridesAndAuditSurviveReopen() throws Exception {
    String url = freshUrl();
    List<AuditEntry> written = new ArrayList<>();
    try (StateStore store = StateStore.open(url)) {
      written.add(store.recordCutover("a", Side.LEGACY, Side.NEW, "go", "ops"));
      written.add(store.recordCutover("b", Side.LEGACY, Side.NEW, "go", "ops"));
      written.add(store.recordCutover("a", Side.NEW, Side.LEGACY, "rollback", "oncall"));
    }
    try (StateStore store = StateStore.open(url)) {
      assertThat(store.overrides()).isEqualTo(Map.of("a", Side.LEGACY, "b", Side.NEW));
      assertThat(store.audit(0, 10)).isEqualTo(written);
      assertThat(store.recordCutover("b", Side.NEW, Side.LEGACY, "", "ops").seq()).isEqualTo(4);
    }
  }

  @Test
  void reopeningDoesNotRerunMigrations() throws Exception {
    String url = freshUrl();
    StateStore.open(url).close();
    List<String> before = migrationHistory(url);
    assertThat(before).isNotEmpty();

    StateStore.open(url).close();

    assertThat(migrationHistory(url)).isEqualTo(before);
  }

  @Test
  void concurrentCutoversGetGapFreeIncreasingSeqs() throws Exception {
    String url = freshUrl();
    int threads = 8;
    int perThread = 25;
    try (StateStore first = StateStore.open(url);
        StateStore second = StateStore.open(url)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<AuditEntry>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        StateStore store = t % 2 == 0 ? first : second;
        String route = "route-" + t;
        futures.add(pool.submit(() -> {
          go.await();
          List<AuditEntry> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            Side to = i % 2 == 0 ? Side.NEW : Side.LEGACY;
            mine.add(store.recordCutover(route, to.other(), to, "flip " + i, "t"));
          }
          return mine;
        }));
      }
      go.countDown();
      List<Long> returned = new ArrayList<>();
      for (Future<List<AuditEntry>> f : futures) {
        List<AuditEntry> mine = f.get(2, TimeUnit.MINUTES);
        assertThat(mine).extracting(AuditEntry::seq).isSorted();
        mine.forEach(e -> returned.add(e.seq()));
      }
      pool.shutdown();

      long total = (long) threads * perThread;
      List<Long> expected = LongStream.rangeClosed(1, total).boxed().toList();
      assertThat(returned).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(first.audit(0, 1000)).extracting(AuditEntry::seq).containsExactlyElementsOf(expected);
      Side last = (perThread - 1) % 2 == 0 ? Side.NEW : Side.LEGACY;
      assertThat(second.overrides()).hasSize(threads).containsOnlyKeys(
          IntStream.range(0, threads).mapToObj(t -> "route-" + t).toList());
      assertThat(second.overrides().values()).containsOnly(last);
    }
  }

  @Test
  void auditPagesBySeq() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      for (int i = 0; i < 7; i++) {
        store.recordCutover("r", Side.LEGACY, Side.NEW, "n" + i, "ops");
      }
      assertThat(store.audit(0, 3)).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
      assertThat(store.audit(3, 3)).extracting(AuditEntry::seq).containsExactly(4L, 5L, 6L);
      assertThat(store.audit(6, 3)).extracting(AuditEntry::seq).containsExactly(7L);
      assertThat(store.audit(7, 3)).isEmpty();
      assertThat(store.audit(2, 1)).extracting(AuditEntry::reason).containsExactly("n2");
      assertThatThrownBy(() -> store.audit(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void closedStoreRefusesWork() throws Exception {
    StateStore store = StateStore.open(freshUrl());
    store.close();
    assertThatThrownBy(store::overrides).isInstanceOf(IllegalStateException.class);
  }

  private static List<String> migrationHistory(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT installed_rank, version, installed_on, success FROM flyway_schema_history"
                + " ORDER BY installed_rank")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getBoolean(4));
      }
      return rows;
    }
  }
}
