package dev.strangler.edge.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.config.ConfigLoader;
import dev.strangler.edge.Main;
import dev.strangler.edge.TestUpstream;
import dev.strangler.routing.StickyBuckets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progressive cutover on two real edges sharing one store, with real HTTP upstreams answering
 * their side's name: a weight taken on one edge is in force on the other, users split by it, keep
 * their side on every request and edge, and a raised weight only moves users from legacy to new.
 * Subclasses supply the store. Each test uses routes of its own, so their order does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WeightContract {
  static final int USERS = 1000;
  static final String TOKEN = "weights-token";
  static final Duration AWAIT = Duration.ofSeconds(30);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) static Path dir;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();
  private TestUpstream legacy;
  private TestUpstream fresh;
  private Main.Edge a;
  private Main.Edge b;

  /** Starts the database and returns the JDBC URL (of an empty database) both edges share. */
  protected abstract String startStore(Path dir) throws Exception;

  /** Releases the database once the edges are stopped. */
  protected abstract void closeStore() throws Exception;

  @BeforeAll
  void startEdges() throws Exception {
    legacy = TestUpstream.text("legacy", "legacy");
    fresh = TestUpstream.text("new", "new");
    String url = startStore(dir);
    a = Main.Edge.start(ConfigLoader.load(Files.writeString(dir.resolve("a.yaml"), config(url, "edge-a"))), 1, 60_000);
    b = Main.Edge.start(ConfigLoader.load(Files.writeString(dir.resolve("b.yaml"), config(url, "edge-b"))), 1, 60_000);
  }

  @AfterAll
  void stopEdges() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {a, b, legacy, fresh}) {
      if (c != null) {
        c.close();
      }
    }
    closeStore();
  }

  private String config(String store, String instance) {
    return """
        listen: 127.0.0.1:0
        admin: {listen: 127.0.0.1:0, token: "%s"}
        state: {dir: ./state-%s, store: "%s", instance: %s}
        upstreams:
          legacy: {targets: ["%s"]}
          new: {targets: ["%s"]}
        routes:
          - id: by-cookie
            match: {path: "/c/**"}
            primary: legacy
            sticky: {cookie: session}
          - id: by-header
            match: {path: "/h/**"}
            primary: legacy
            sticky: {header: X-User-Id}
            shadow: {enabled: false}
          - id: by-address
            match: {path: "/a/**"}
            primary: legacy
            shadow: {enabled: false}
        """.formatted(TOKEN, instance, store, instance, legacy.url(), fresh.url());
  }

  @Test
  void cookieUsersSplitByTheWeightStayPutAndOnlyMoveToNewWhenItRises() throws Exception {
    usersSplitStayPutAndOnlyMoveForward("by-cookie", "/c/cart",
        i -> new String[] {"Cookie", "theme=dark; session=user-" + i + "; lang=en"});
  }

  @Test
  void headerUsersSplitByTheWeightStayPutAndOnlyMoveToNewWhenItRises() throws Exception {
    usersSplitStayPutAndOnlyMoveForward("by-header", "/h/cart", i -> new String[] {"X-User-Id", "user-" + i});
  }

  private void usersSplitStayPutAndOnlyMoveForward(String route, String path, IntFunction<String[]> key)
      throws Exception {
    setWeight(a, route, 20, null);
    awaitWeight(b, route, 20);

    List<String> at20 = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      String side = get(a, path, key.apply(i));
      assertThat(get(a, path, key.apply(i))).as("user %d again on edge-a", i).isEqualTo(side);
      assertThat(get(b, path, key.apply(i))).as("user %d on edge-b", i).isEqualTo(side);
      at20.add(side);
    }
    long onNew = at20.stream().filter("new"::equals).count();
    System.out.println(route + " at weight 20: " + onNew + " of " + USERS + " users on new");
    assertThat(onNew).as("users on new at weight 20").isBetween(160L, 240L);

    setWeight(b, route, 50, 20);
    awaitWeight(a, route, 50);

    int moved = 0;
    for (int i = 0; i < USERS; i++) {
      String side = get(b, path, key.apply(i));
      assertThat(get(a, path, key.apply(i))).as("user %d on both edges at 50", i).isEqualTo(side);
      if (at20.get(i).equals("new")) {
        assertThat(side).as("user %d was on new at 20; raising the weight never moves back", i).isEqualTo("new");
      } else if (side.equals("new")) {
        moved++;
      }
    }
    System.out.println(route + " 20 -> 50: " + moved + " users moved legacy -> new");
    assertThat(onNew + moved).as("users on new at weight 50").isBetween(450L, 550L);
  }

  @Test
  void aRequestWithoutItsCookieFallsBackToTheClientAddress() throws Exception {
    int bucket = StickyBuckets.bucket("by-cookie", "127.0.0.1");
    int justBelow = bucket / 100;
    setWeight(a, "by-cookie", justBelow + 1, null);
    awaitWeight(b, "by-cookie", justBelow + 1);
    for (Main.Edge edge : List.of(a, b)) {
      assertThat(get(edge, "/c/x")).as("no Cookie at all: the address's bucket is below the weight").isEqualTo("new");
      assertThat(get(edge, "/c/x", "Cookie", "other=1")).as("no session cookie").isEqualTo("new");
    }
    setWeight(a, "by-cookie", justBelow, justBelow + 1);
    awaitWeight(b, "by-cookie", justBelow);
    for (Main.Edge edge : List.of(a, b)) {
      assertThat(get(edge, "/c/x")).as("the address's bucket is not below the weight").isEqualTo("legacy");
    }

    int addressBucket = StickyBuckets.bucket("by-address", "127.0.0.1");
    setWeight(b, "by-address", addressBucket / 100 + 1, null);
    awaitWeight(a, "by-address", addressBucket / 100 + 1);
    assertThat(get(a, "/a/x", "Cookie", "session=someone")).isEqualTo("new");
  }

  @Test
  void eachRequestIsMirroredToTheSideThatDidNotServeIt() throws Exception {
    setWeight(a, "by-cookie", 50, null);
    awaitWeight(b, "by-cookie", 50);
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (int i = 0; seen.size() < 2; i++) {
      String id = "mirror-probe-" + i;
      String served = get(a, "/c/probe", "Cookie", "session=probe-" + i, "X-Request-Id", id);
      if (seen.putIfAbsent(served, i) == null) {
        TestUpstream other = served.equals("new") ? legacy : fresh;
        TestUpstream serving = served.equals("new") ? fresh : legacy;
        awaitReceived(other, id, true);
        assertThat(received(serving, id, false)).as("the serving side got the request itself").isTrue();
        assertThat(received(serving, id, true)).as("and no mirror of it").isFalse();
      }
    }
  }

  @Test
  void theAuditShowsWeightChangesTakenOnEitherEdge() throws Exception {
    setWeight(a, "by-address", 10, null);
    setWeight(b, "by-address", 30, 10);
    awaitWeight(a, "by-address", 30);
    JsonNode entries = admin(a, "GET", "/admin/audit?limit=1000", null).get("entries");
    List<JsonNode> all = new ArrayList<>();
    entries.forEach(e -> {
      if (e.get("route").asText().equals("by-address")) {
        all.add(e);
      }
    });
    assertThat(all).hasSizeGreaterThanOrEqualTo(2);
    List<JsonNode> mine = all.subList(all.size() - 2, all.size());
    assertThat(mine.get(0).get("action").asText()).isEqualTo("weight");
    assertThat(mine.get(0).get("reason").asText()).isEqualTo("weight 10");
    assertThat(mine.get(0).get("instance").asText()).isEqualTo("edge-a");
    assertThat(mine.get(0).get("weight").get("to").asInt()).isEqualTo(10);
    assertThat(mine.get(1).get("instance").asText()).isEqualTo("edge-b");
    assertThat(mine.get(1).get("weight").toString()).isEqualTo("{\"from\":10,\"to\":30}");
  }

  private void setWeight(Main.Edge edge, String route, int weight, Integer expect) throws Exception {
    String reason = "weight " + weight;
    String body = "{\"new\": " + weight + ", \"reason\": \"" + reason + "\""
        + (expect == null ? "" : ", \"expect\": " + expect) + "}";
    JsonNode entry = admin(edge, "POST", "/admin/routes/" + route + "/weight", body);
    assertThat(entry.get("weight").get("to").asInt()).as(entry.toString()).isEqualTo(weight);
  }

  /** Waits until {@code edge}'s admin API shows the weight in force: no bound is asserted. */
  private void awaitWeight(Main.Edge edge, String route, int weight) throws Exception {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    int last = -1;
    while (System.nanoTime() < deadline) {
      for (JsonNode r : admin(edge, "GET", "/admin/routes", null).get("routes")) {
        if (r.get("id").asText().equals(route)) {
          last = r.get("weight").get("new").asInt();
        }
      }
      if (last == weight) {
        return;
      }
      Thread.sleep(20);
    }
    assertThat(last).as("weight of %s in force on the other edge", route).isEqualTo(weight);
  }

  private JsonNode admin(Main.Edge edge, String method, String path, String body) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.admin().port() + path))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    return json.readTree(res.body());
  }

  /** The side that answered ({@code legacy} or {@code new}). */
  private String get(Main.Edge edge, String path, String... headers) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.server().port() + path));
    if (headers.length > 0) {
      req.headers(headers);
    }
    HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    return res.body();
  }

  private void awaitReceived(TestUpstream upstream, String requestId, boolean mirror) throws Exception {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (!received(upstream, requestId, mirror) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(received(upstream, requestId, mirror)).as("%s got the mirror of %s", upstream.url(), requestId)
        .isTrue();
  }

  private static boolean received(TestUpstream upstream, String requestId, boolean mirror) {
    return upstream.received().stream().anyMatch(r -> requestId.equals(r.headers().get("X-Request-Id"))
        && r.headers().contains("X-Shadow-Request") == mirror);
  }
}
