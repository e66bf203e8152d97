package dev.strangler.edge.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.edge.fleet.FleetClient.Reply;
import dev.strangler.store.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet contract, on three real edges (each in a JVM of its own) sharing one store, with real
 * HTTP upstreams answering their side's name. Subclasses supply the store. The tests run in order
 * on the same fleet: flips propagate within the store's bound, racing flips have one winner, the
 * store going away fails no client request and loses no flip, a killed instance is gone.
 * edge-a and edge-b run the same routes.yaml; edge-c's differs by a comment, so it drifts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FleetContract {
  static final int FLIPS = 100;
  static final Duration STARTUP = Duration.ofSeconds(90);
  /** Requests sent through each edge before anything is measured (class loading, pools, JIT). */
  static final int WARM_UP = 200;

  /** Configs, edge logs, the SQLite file or PostgreSQL data; kept when a test fails. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) static Path dir;

  final FleetClient client = new FleetClient();
  private SideServer legacy;
  private SideServer fresh;
  List<EdgeProcess> edges = List.of();

  /** Starts the database and returns the JDBC URL (of an empty database) the fleet shares. */
  protected abstract String startStore(Path dir) throws Exception;

  /** How soon a flip taken on one instance must be served by every other. */
  protected abstract Duration bound();

  /**
   * The median a fleet on this store must beat: the bound itself for a polled store; a store that
   * announces flips must do far better than the poll period.
   */
  protected Duration medianBound() {
    return bound();
  }

  /**
   * Longest random pause before each measured flip. A store that is polled needs one: flips taken
   * right after the previous one was seen would land just after the pollers' last look and wait
   * a whole period, every time; operators flip at any moment.
   */
  protected Duration jitter() {
    return Duration.ZERO;
  }

  /** Names the store in the printed figures. */
  protected abstract String label();

  /** Whether the store can go away at all (a local SQLite file cannot). */
  protected abstract boolean storeCanGoAway();

  /** Makes the database unreachable. */
  protected abstract void stopStore() throws Exception;

  /** Brings the database back after {@link #stopStore()}, at the same address, with its data. */
  protected abstract void restartStore() throws Exception;

  /** Releases the database once the edges are stopped. */
  protected abstract void closeStore() throws Exception;

  @BeforeAll
  void startFleet() throws Exception {
    legacy = new SideServer("legacy");
    fresh = new SideServer("new");
    String url = startStore(dir);
    StateStore.open(url).close();
    String yaml = config(url);
    Path shared = Files.writeString(dir.resolve("routes.yaml"), yaml);
    Path drifted = Files.writeString(dir.resolve("routes-c.yaml"), yaml + "# edge-c runs other bytes\n");
    edges = List.of(start("edge-a", shared), start("edge-b", shared), start("edge-c", drifted));
    for (EdgeProcess edge : edges) {
      edge.awaitUp(STARTUP);
    }
    for (int i = 0; i < WARM_UP; i++) {
      for (EdgeProcess edge : edges) {
        serves(edge, "flip");
      }
    }
  }

  @AfterAll
  void stopFleet() throws Exception {
    for (EdgeProcess edge : edges) {
      edge.close();
    }
    closeStore();
    if (legacy != null) {
      legacy.close();
      fresh.close();
    }
  }

  @Test
  @Order(1)
  void aFlipOnAnyInstanceIsServedByEveryOtherWithinTheBound() throws Exception {
    List<Double> millis = new ArrayList<>();
    for (int k = 0; k < FLIPS; k++) {
      String to = k % 2 == 0 ? "new" : "legacy";
      EdgeProcess taker = edges.get(k % edges.size());
      Thread.sleep(ThreadLocalRandom.current().nextLong(jitter().toMillis() + 1));
      Reply flip = client.cutover(taker, "flip", "{\"primary\":\"" + to + "\",\"reason\":\"flip " + k + "\"}");
      long answered = System.nanoTime();
      assertThat(flip.status()).as(flip.body()).isEqualTo(200);
      assertThat(flip.json().get("instance").asText()).isEqualTo(taker.name);
      assertThat(serves(taker, "flip")).as("the instance that took the flip serves it at once").isEqualTo(to);
      millis.add(awaitServedByOthers(taker, to, answered));
    }

    System.out.println("flip propagation (ms, in flip order): " + millis);
    List<Double> sorted = millis.stream().sorted().toList();
    System.out.printf("flip propagation, %s, %d edges, %d flips: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        label(), edges.size(), FLIPS, percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan((double) bound().toMillis()));
    assertThat(percentile(sorted, 50)).as("median").isLessThan((double) medianBound().toMillis());
    for (EdgeProcess edge : edges) {
      assertThat(primaryOf(edge, "flip")).as(edge.name).isEqualTo("legacy");
    }
    JsonNode audit = client.admin(edges.get(1), "/admin/audit?limit=1000").json().get("entries");
    assertThat(audit).hasSize(FLIPS);
    for (int k = 0; k < FLIPS; k++) {
      assertThat(audit.get(k).get("instance").asText()).isEqualTo(edges.get(k % edges.size()).name);
    }
  }

  @Test
  @Order(2)
  void concurrentFlipsExpectingTheSamePrimaryHaveOneWinner() throws Exception {
    String before = primaryOf(edges.get(0), "flip");
    String wanted = before.equals("legacy") ? "new" : "legacy";
    String body = "{\"primary\":\"" + wanted + "\",\"expect\":\"" + before + "\",\"reason\":\"race\"}";
    int racers = 10;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Reply>> replies = new ArrayList<>();
    for (int t = 0; t < racers; t++) {
      EdgeProcess edge = edges.get(t % edges.size());
      replies.add(pool.submit(() -> {
        go.await();
        return client.cutover(edge, "flip", body);
      }));
    }
    go.countDown();
    List<Reply> won = new ArrayList<>();
    List<Reply> refused = new ArrayList<>();
    for (Future<Reply> f : replies) {
      Reply r = f.get(1, TimeUnit.MINUTES);
      (r.status() == 200 ? won : refused).add(r);
    }
    pool.shutdown();

    assertThat(won).hasSize(1);
    long seq = won.get(0).json().get("seq").asLong();
    assertThat(refused).hasSize(racers - 1).allSatisfy(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(409);
      assertThat(r.json().get("error").asText()).isEqualTo("conflict");
      assertThat(r.json().get("primary").asText()).isEqualTo(wanted);
      assertThat(r.json().get("seq").asLong()).isEqualTo(seq);
    });
    awaitEvery(edge -> serves(edge, "flip").equals(wanted), bound(), "every instance serves " + wanted);
    for (EdgeProcess edge : edges) {
      assertThat(primaryOf(edge, "flip")).as(edge.name).isEqualTo(wanted);
    }
  }

  @Test
  @Order(3)
  void theStoreGoingAwayUnderLoadFailsNoRequestAndLosesNoFlip() throws Exception {
    assumeTrue(storeCanGoAway(), "this store cannot go away");
    EdgeProcess a = edges.get(0);
    EdgeProcess b = edges.get(1);
    EdgeProcess c = edges.get(2);
    String otherTo = primaryOf(a, "other").equals("legacy") ? "new" : "legacy";
    String flipTo = primaryOf(a, "flip").equals("legacy") ? "new" : "legacy";
    try (ClientLoad load = new ClientLoad(edges, client)) {
      Reply justBefore = client.cutover(a, "other", "{\"primary\":\"" + otherTo + "\",\"reason\":\"before\"}");
      assertThat(justBefore.status()).as(justBefore.body()).isEqualTo(200);
      stopStore();

      awaitEvery(edge -> health(edge).equals("down"), Duration.ofSeconds(20), "every instance sees the store down");
      Reply during = client.cutover(b, "flip", "{\"primary\":\"" + flipTo + "\",\"reason\":\"during\"}");
      assertThat(during.status()).as(during.body()).isEqualTo(503);
      assertThat(during.json().get("error").asText()).isEqualTo("store_unavailable");
      assertThat(client.admin(c, "/metrics").body()).contains("edge_store_up 0.0");
      long servedBefore = load.served();
      Thread.sleep(1500);
      assertThat(load.served()).as("requests served during the outage").isGreaterThan(servedBefore);

      restartStore();
      awaitEvery(edge -> health(edge).equals("up"), Duration.ofSeconds(30), "every instance sees the store up");
      Reply after = client.cutover(c, "flip", "{\"primary\":\"" + flipTo + "\",\"reason\":\"after\"}");
      assertThat(after.status()).as(after.body()).isEqualTo(200);
      long afterSeq = after.json().get("seq").asLong();
      assertThat(afterSeq).isEqualTo(justBefore.json().get("seq").asLong() + 1);

      awaitEvery(edge -> serves(edge, "flip").equals(flipTo) && serves(edge, "other").equals(otherTo),
          bound(), "every instance serves both flips");
      awaitEvery(edge -> appliedSeqs(edge).stream().allMatch(s -> s == afterSeq), Duration.ofSeconds(5),
          "every instance reports the last flip applied");
      load.close();
      assertThat(load.failures()).isEmpty();
    }
  }

  @Test
  @Order(4)
  void aKilledInstanceIsGoneWhileTheOthersServeOn() throws Exception {
    EdgeProcess a = edges.get(0);
    EdgeProcess c = edges.get(2);
    c.kill();

    awaitEvery(edge -> instances(edge).get("edge-c").get("state").asText().equals("gone"),
        Duration.ofSeconds(10), "edge-c is gone");
    Map<String, JsonNode> fleet = instances(a);
    assertThat(fleet).containsOnlyKeys("edge-a", "edge-b", "edge-c");
    for (EdgeProcess edge : edges) {
      JsonNode row = fleet.get(edge.name);
      assertThat(row.get("address").asText()).isEqualTo(edge.proxy().substring("http://".length()));
      assertThat(row.get("version").asText()).isEqualTo("dev");
      assertThat(row.get("started").asText()).endsWith("Z");
      assertThat(row.get("last_seen").asText()).endsWith("Z");
      assertThat(row.get("config_hash").asText()).matches("[0-9a-f]{64}");
      assertThat(row.get("state").asText()).isEqualTo(edge == c ? "gone" : "serving");
      assertThat(row.get("config_drift").asBoolean()).as(edge.name).isEqualTo(edge == c);
    }
    Reply flip = client.cutover(a, "flip", "{\"primary\":\"new\",\"reason\":\"after a loss\"}");
    assertThat(flip.status()).as(flip.body()).isEqualTo(200);
    awaitEvery(edge -> serves(edge, "flip").equals("new"), bound(), "the live instances serve it");
    for (EdgeProcess edge : edges.subList(0, 2)) {
      assertThat(client.get(edge.proxy() + "/other/x").status()).isEqualTo(200);
    }
  }

  private EdgeProcess start(String name, Path config) throws Exception {
    return EdgeProcess.start(name, config, Map.of("EDGE_INSTANCE", name));
  }

  private String config(String url) {
    return """
        listen: 127.0.0.1:0
        admin: {listen: 127.0.0.1:0, token: %s}
        state: {dir: ./state, store: "%s", instance: "${EDGE_INSTANCE:-}"}
        upstreams:
          legacy: {targets: ["%s"]}
          new: {targets: ["%s"]}
        defaults:
          shadow: {enabled: false}
        routes:
          - id: flip
            match: {path: "/flip/**"}
            primary: legacy
          - id: other
            match: {path: "/**"}
            primary: legacy
        """.formatted(FleetClient.TOKEN, url, legacy.url(), fresh.url());
  }

  /** Polls the others until each serves {@code to}; the slowest one's delay, in ms. */
  private double awaitServedByOthers(EdgeProcess taker, String to, long answered) throws Exception {
    long deadline = answered + TimeUnit.SECONDS.toNanos(10);
    long slowest = 0;
    for (EdgeProcess other : edges) {
      while (other != taker && !serves(other, "flip").equals(to)) {
        assertThat(System.nanoTime()).as(other.name + " never served " + to).isLessThan(deadline);
      }
      slowest = Math.max(slowest, System.nanoTime() - answered);
    }
    return slowest / 1e6;
  }

  private String serves(EdgeProcess edge, String route) throws Exception {
    return String.valueOf(client.get(edge.proxy() + "/" + route + "/x").side());
  }

  private String primaryOf(EdgeProcess edge, String route) throws Exception {
    for (JsonNode r : client.admin(edge, "/admin/routes").json().get("routes")) {
      if (r.get("id").asText().equals(route)) {
        return r.get("primary").asText();
      }
    }
    throw new AssertionError("no route " + route);
  }

  private String health(EdgeProcess edge) throws Exception {
    return client.get(edge.admin() + "/health").json().get("store").asText();
  }

  private Map<String, JsonNode> instances(EdgeProcess edge) throws Exception {
    Map<String, JsonNode> byId = new java.util.TreeMap<>();
    client.admin(edge, "/admin/instances").json().get("instances").forEach(i -> byId.put(i.get("id").asText(), i));
    return byId;
  }

  private List<Long> appliedSeqs(EdgeProcess edge) throws Exception {
    return instances(edge).values().stream().map(i -> i.get("audit_seq").asLong()).toList();
  }

  private static double percentile(List<Double> sorted, int p) {
    return sorted.get((int) Math.ceil(p / 100.0 * sorted.size()) - 1);
  }

  /** A check on one edge. */
  interface Check {
    boolean holds(EdgeProcess edge) throws Exception;
  }

  /** Waits until the check holds on every live edge. */
  private void awaitEvery(Check check, Duration timeout, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (EdgeProcess edge : edges.stream().filter(EdgeProcess::alive).toList()) {
      while (!holdsQuietly(check, edge)) {
        assertThat(System.nanoTime()).as(what + " (" + edge.name + ") within " + timeout).isLessThan(deadline);
        Thread.sleep(20);
      }
    }
  }

  private boolean holdsQuietly(Check check, EdgeProcess edge) {
    try {
      return check.holds(edge);
    } catch (Exception notYet) {
      return false;
    }
  }
}
