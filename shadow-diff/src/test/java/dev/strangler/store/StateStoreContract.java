package dev.strangler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.routing.Side;
import dev.strangler.routing.Weight;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
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
      AuditEntry entry = store.recordCutover(
          new Flip("post-read", Side.NEW, null, "parity 99.9%", "ops", "edge-a"), Side.LEGACY);

      assertThat(entry.seq()).isEqualTo(1);
      assertThat(entry.at().getNano() % 1_000_000).isZero();
      assertThat(entry).extracting(AuditEntry::route, AuditEntry::from, AuditEntry::to,
              AuditEntry::reason, AuditEntry::actor, AuditEntry::instance)
          .containsExactly("post-read", Side.LEGACY, Side.NEW, "parity 99.9%", "ops", "edge-a");
      assertThat(store.audit(0, 10)).containsExactly(entry);
      assertThat(store.overrides()).isEqualTo(Map.of("post-read", Weight.NEW));
    }
  }

  @Test
  void overridesAndAuditSurviveReopen() throws Exception {
    String url = freshUrl();
    List<AuditEntry> written = new ArrayList<>();
    try (StateStore store = StateStore.open(url)) {
      written.add(flip(store, "a", Side.NEW, "go", "ops"));
      written.add(flip(store, "b", Side.NEW, "go", "ops"));
      written.add(flip(store, "a", Side.LEGACY, "rollback", "oncall"));
    }
    try (StateStore store = StateStore.open(url)) {
      assertThat(store.overrides()).isEqualTo(Map.of("a", Weight.LEGACY, "b", Weight.NEW));
      assertThat(store.audit(0, 10)).isEqualTo(written);
      assertThat(written.get(2).from()).isEqualTo(Side.NEW);
      assertThat(flip(store, "b", Side.LEGACY, "", "ops").seq()).isEqualTo(4);
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
            mine.add(flip(store, route, to, "flip " + i, "t"));
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
      assertThat(second.overrides().values()).containsOnly(Weight.of(last));
    }
  }

  @Test
  void fromIsThePrimaryTheStoreHasInForce() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      assertThat(store.recordCutover(new Flip("r", Side.LEGACY, null, "", "ops", "a"), Side.NEW).from())
          .as("no override yet: the configured primary").isEqualTo(Side.NEW);
      assertThat(store.recordCutover(new Flip("r", Side.LEGACY, null, "", "ops", "a"), Side.NEW).from())
          .as("the stored override, whatever the caller's config says").isEqualTo(Side.LEGACY);
    }
  }

  @Test
  void aFlipExpectingAnotherPrimaryIsRefusedAndStoresNothing() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      AuditEntry first = store.recordCutover(new Flip("r", Side.NEW, Side.LEGACY, "go", "ops", "a"), Side.LEGACY);
      assertThat(first.from()).isEqualTo(Side.LEGACY);

      assertThatThrownBy(() -> store.recordCutover(new Flip("r", Side.NEW, Side.LEGACY, "again", "bob", "b"), Side.LEGACY))
          .isInstanceOfSatisfying(CutoverConflict.class, e -> {
            assertThat(e.primary()).isEqualTo(Side.NEW);
            assertThat(e.seq()).isEqualTo(1);
          });

      assertThat(store.audit(0, 10)).containsExactly(first);
      assertThat(store.latestSeq()).isEqualTo(1);
      assertThat(store.overrides()).isEqualTo(Map.of("r", Weight.NEW));
      assertThat(store.recordCutover(new Flip("r", Side.LEGACY, Side.NEW, "back", "ops", "b"), Side.LEGACY).seq())
          .as("a refused flip leaves no gap in the sequence").isEqualTo(2);
    }
  }

  @Test
  void concurrentFlipsExpectingTheSamePrimaryHaveOneWinner() throws Exception {
    String url = freshUrl();
    int threads = 8;
    try (StateStore first = StateStore.open(url);
        StateStore second = first.withOwnConnection()) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> won = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        StateStore store = t % 2 == 0 ? first : second;
        String actor = "op-" + t;
        won.add(pool.submit(() -> {
          go.await();
          try {
            store.recordCutover(new Flip("r", Side.NEW, Side.LEGACY, "", actor, "i"), Side.LEGACY);
            return true;
          } catch (CutoverConflict e) {
            assertThat(e.primary()).isEqualTo(Side.NEW);
            assertThat(e.seq()).isEqualTo(1);
            return false;
          }
        }));
      }
      go.countDown();
      int winners = 0;
      for (Future<Boolean> f : won) {
        winners += f.get(1, TimeUnit.MINUTES) ? 1 : 0;
      }
      pool.shutdown();

      assertThat(winners).isEqualTo(1);
      assertThat(first.audit(0, 10)).singleElement().extracting(AuditEntry::from).isEqualTo(Side.LEGACY);
    }
  }

  @Test
  void latestSeqFollowsFlipsOnAnyConnection() throws Exception {
    try (StateStore store = StateStore.open(freshUrl());
        StateStore poller = store.withOwnConnection()) {
      assertThat(poller.latestSeq()).isZero();
      flip(store, "a", Side.NEW, "", "ops");
      flip(store, "b", Side.NEW, "", "ops");
      assertThat(poller.latestSeq()).isEqualTo(2);
      poller.close();
      assertThat(store.latestSeq()).as("closing one connection leaves the other").isEqualTo(2);
    }
  }

  @Test
  void auditRowsFromBeforeInstancesWereNamedReadAsNull() throws Exception {
    String url = freshUrl();
    StateStore.open(url).close();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE audit_sequence SET last_seq = 1");
      st.executeUpdate("INSERT INTO cutover_audit (seq, at_millis, route, from_side, to_side, reason, actor)"
          + " VALUES (1, 1000, 'r', 'legacy', 'new', 'old', 'ops')");
    }
    try (StateStore store = StateStore.open(url)) {
      assertThat(store.audit(0, 10)).singleElement().extracting(AuditEntry::instance).isNull();
      assertThat(flip(store, "r", Side.LEGACY, "", "ops").seq()).isEqualTo(2);
    }
  }

  @Test
  void instancesBeatAndAreListedById() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      InstanceStore fleet = store.instances();
      Instant t0 = Instant.ofEpochMilli(1_000_000);
      InstanceRecord b = instance("edge-b", t0, 0, InstanceState.SERVING);
      InstanceRecord a = instance("edge-a", t0, 0, InstanceState.SERVING);
      fleet.beat(b);
      fleet.beat(a);
      InstanceRecord later = instance("edge-b", t0.plusSeconds(5), 7, InstanceState.DRAINING);
      fleet.beat(later);

      assertThat(fleet.list()).containsExactly(a, later);
      assertThat(fleet.forget(t0.plusSeconds(1))).isEqualTo(1);
      assertThat(fleet.list()).containsExactly(later);
    }
  }

  @Test
  void auditPagesBySeq() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      for (int i = 0; i < 7; i++) {
        flip(store, "r", Side.NEW, "n" + i, "ops");
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

  private static InstanceRecord instance(String id, Instant seen, long seq, InstanceState state) {
    return new InstanceRecord(id, "127.0.0.1:8080", "dev", Instant.ofEpochMilli(999_000), seen,
        "ab".repeat(32), seq, state);
  }

  /** A flip without expectation on a route configured with legacy. */
  static AuditEntry flip(StateStore store, String route, Side to, String reason, String actor) {
    return store.recordCutover(new Flip(route, to, null, reason, actor, "test"), Side.LEGACY);
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
