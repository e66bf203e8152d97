package dev.strangler.edge.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.config.ConfigLoader;
import dev.strangler.edge.Main;
import dev.strangler.edge.TestUpstream;
import dev.strangler.edge.alerts.WebhookReceiver;
import dev.strangler.routing.Side;
import io.netty.buffer.Unpooled;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollback guard end to end: real upstreams, real edges sharing one store (a SQLite file, an
 * embedded PostgreSQL), real sockets through the data plane, the audit read through the admin API,
 * alerts taken by a real webhook.
 */
class GuardTest {
  private static final int MIN_REQUESTS = 20;
  /** Requests a client may see fail past min-requests while the rollback is taken and applied. */
  private static final int SLACK = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void aFailingNewSideIsRolledBackOnceByTwoEdgesOnOneSqliteFile() throws Exception {
    twoEdgesSeeAFailingNewSide("jdbc:sqlite:" + dir.resolve("shared.db"));
  }

  @Test
  void aFailingNewSideIsRolledBackOnceByTwoEdgesOnPostgres() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      twoEdgesSeeAFailingNewSide(postgres.getJdbcUrl("postgres", "postgres"));
    }
  }

  private void twoEdgesSeeAFailingNewSide(String store) throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.refusingFirst(0);
        TestUpstream legacy = TestUpstream.answering((req, ctx) -> ctx.writeAndFlush(json("legacy", "{\"total\":1}")));
        TestUpstream fresh = TestUpstream.answering((req, ctx) ->
            ctx.writeAndFlush(TestUpstream.response(HttpResponseStatus.INTERNAL_SERVER_ERROR, "new", "boom")));
        Main.Edge a = start("a", store, legacy, fresh, receiver);
        Main.Edge b = start("b", store, legacy, fresh, receiver)) {
      assertThat(cutover(a, "new")).isEqualTo(200);
      awaitPrimary(b, Side.NEW);

      ExecutorService clients = Executors.newFixedThreadPool(2);
      Future<Integer> failedA = clients.submit(() -> driveUntilLegacy(a));
      Future<Integer> failedB = clients.submit(() -> driveUntilLegacy(b));
      int seenByA = failedA.get();
      int seenByB = failedB.get();
      clients.shutdown();

      assertThat(seenByA).isLessThan(MIN_REQUESTS + SLACK);
      assertThat(seenByB).isLessThan(MIN_REQUESTS + SLACK);
      List<JsonNode> guardEntries = guardEntries(a);
      assertThat(guardEntries).hasSize(1);
      JsonNode rollback = guardEntries.get(0);
      assertThat(rollback.get("from").asText()).isEqualTo("new");
      assertThat(rollback.get("to").asText()).isEqualTo("legacy");
      assertThat(rollback.get("reason").asText()).matches("guard: error rate 100% \\(\\d+/\\d+\\) over 60s > 2%");
      assertThat(guardEntries(b)).hasSize(1);
      assertThat(rollbacks(a) + rollbacks(b)).isEqualTo(1);
      Main.Edge taker = rollbacks(a) == 1 ? a : b;
      assertThat(taker.metrics().scrape()).contains("edge_guard_rollbacks_total{route=\"checkout\"} 1.0");

      String alert = receiver.await(body -> body.contains("\"event\":\"guard_rollback\""));
      assertThat(JSON.readTree(alert).get("seq").asLong()).isEqualTo(rollback.get("seq").asLong());
      assertThat(JSON.readTree(alert).get("instance").asText()).isEqualTo(rollback.get("instance").asText());
      receiver.await(body -> body.contains("\"event\":\"flip\""));
      assertThat(receiver.accepted()).filteredOn(body -> body.contains("guard_rollback")).hasSize(1);
    }
  }

  @Test
  void aFailingNewSideAtWeight50IsSetBackToWeight0() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.refusingFirst(0);
        TestUpstream legacy = TestUpstream.answering((req, ctx) -> ctx.writeAndFlush(json("legacy", "{\"total\":1}")));
        TestUpstream fresh = TestUpstream.answering((req, ctx) ->
            ctx.writeAndFlush(TestUpstream.response(HttpResponseStatus.INTERNAL_SERVER_ERROR, "new", "boom")));
        Main.Edge edge = start("a", "jdbc:sqlite:" + dir.resolve("own.db"), legacy, fresh, receiver)) {
      assertThat(post(edge, "weight", "{\"new\":50,\"reason\":\"canary\"}")).isEqualTo(200);

      int failed = 0;
      int user = 0;
      var route = edge.routes().current().config().routes().get(0);
      while (edge.routes().current().weightOf(route).toNew() > 0) {
        assertThat(user).as("users sent before the rollback").isLessThan(20_000);
        if (get(edge, user, "user-" + user++).statusCode() >= 500) {
          failed++;
        }
      }

      assertThat(failed).isBetween(MIN_REQUESTS, MIN_REQUESTS + SLACK);
      List<JsonNode> entries = guardEntries(edge);
      assertThat(entries).hasSize(1);
      assertThat(entries.get(0).get("action").asText()).isEqualTo("weight");
      assertThat(entries.get(0).get("weight").get("from").asInt()).isEqualTo(50);
      assertThat(entries.get(0).get("weight").get("to").asInt()).isZero();
      assertThat(entries.get(0).get("reason").asText()).startsWith("guard: error rate 100% (");
      for (int i = 0; i < 100; i++) {
        assertThat(get(edge, i, "user-" + i).headers().firstValue("X-Served-By")).hasValue("legacy");
      }
      String alert = receiver.await(body -> body.contains("\"event\":\"guard_rollback\""));
      assertThat(JSON.readTree(alert).get("weight").get("from").asInt()).isEqualTo(50);
      receiver.await(body -> body.contains("\"event\":\"weight\"") && body.contains("canary"));
      assertThat(rollbacks(edge)).isEqualTo(1);
    }
  }

  @Test
  void aNewSideThatAnswersDifferentlyIsRolledBack() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.refusingFirst(0);
        TestUpstream legacy = TestUpstream.answering((req, ctx) -> ctx.writeAndFlush(json("legacy", "{\"total\":1}")));
        TestUpstream fresh = TestUpstream.answering((req, ctx) -> ctx.writeAndFlush(json("new", "{\"total\":2}")));
        Main.Edge edge = start("a", "jdbc:sqlite:" + dir.resolve("own.db"), legacy, fresh, receiver)) {
      assertThat(cutover(edge, "new")).isEqualTo(200);

      int failed = driveUntilLegacy(edge);

      assertThat(failed).isZero();
      List<JsonNode> entries = guardEntries(edge);
      assertThat(entries).hasSize(1);
      assertThat(entries.get(0).get("reason").asText()).matches("guard: diff rate 100% \\(\\d+/\\d+\\) over 60s > 1%");
      assertThat(rollbacks(edge)).isEqualTo(1);
      receiver.await(body -> body.contains("\"event\":\"guard_rollback\"") && body.contains("diff rate"));
    }
  }

  @Test
  void aNewSideThatCannotBeReachedIsRolledBack() throws Exception {
    TestUpstream gone = TestUpstream.text("new", "never");
    gone.close();
    try (WebhookReceiver receiver = WebhookReceiver.refusingFirst(0);
        TestUpstream legacy = TestUpstream.answering((req, ctx) -> ctx.writeAndFlush(json("legacy", "{\"total\":1}")));
        Main.Edge edge = start("a", "jdbc:sqlite:" + dir.resolve("own.db"), legacy, gone, receiver)) {
      assertThat(cutover(edge, "new")).isEqualTo(200);

      int failed = driveUntilLegacy(edge);

      assertThat(failed).isBetween(MIN_REQUESTS, MIN_REQUESTS + SLACK);
      List<JsonNode> entries = guardEntries(edge);
      assertThat(entries).hasSize(1);
      assertThat(entries.get(0).get("reason").asText()).startsWith("guard: error rate 100% (");
      assertThat(edge.metrics().scrape()).contains("edge_upstream_errors_total{", "side=\"new\"");
    }
  }

  @Test
  void whatNewAnswersAsTheShadowDoesNotCountAndAHealthyNewSideStays() throws Exception {
    AtomicBoolean broken = new AtomicBoolean(true);
    try (WebhookReceiver receiver = WebhookReceiver.refusingFirst(0);
        TestUpstream legacy = TestUpstream.answering((req, ctx) -> ctx.writeAndFlush(json("legacy", "{\"total\":1}")));
        TestUpstream fresh = TestUpstream.answering((req, ctx) -> ctx.writeAndFlush(broken.get()
            ? TestUpstream.response(HttpResponseStatus.INTERNAL_SERVER_ERROR, "new", "boom")
            : json("new", "{\"total\":1}")));
        Main.Edge edge = start("a", "jdbc:sqlite:" + dir.resolve("own.db"), legacy, fresh, receiver)) {
      for (int i = 0; i < MIN_REQUESTS * 3; i++) {
        assertThat(get(edge, i).statusCode()).isEqualTo(200);
      }
      broken.set(false);
      assertThat(cutover(edge, "new")).isEqualTo(200);
      for (int i = 0; i < MIN_REQUESTS * 3; i++) {
        HttpResponse<String> r = get(edge, i);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Served-By")).hasValue("new");
      }
      assertThat(guardEntries(edge)).isEmpty();
      assertThat(rollbacks(edge)).isZero();
    }
  }

  /** Sends requests one at a time until this edge serves the route from legacy; returns the 5xx seen. */
  private int driveUntilLegacy(Main.Edge edge) throws Exception {
    int failed = 0;
    for (int i = 0; i < 20_000; i++) {
      HttpResponse<String> r = get(edge, i);
      if (r.statusCode() >= 500) {
        failed++;
      } else if ("legacy".equals(r.headers().firstValue("X-Served-By").orElse(""))) {
        return failed;
      }
    }
    throw new AssertionError("the route was never rolled back; " + failed + " failures seen");
  }

  private HttpResponse<String> get(Main.Edge edge, int i) throws Exception {
    return get(edge, i, "one-user");
  }

  private HttpResponse<String> get(Main.Edge edge, int i, String user) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.server().port() + "/cart/" + i))
        .header("X-User", user).timeout(Duration.ofSeconds(20)).build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  private int cutover(Main.Edge edge, String primary) throws Exception {
    return post(edge, "cutover", "{\"primary\":\"" + primary + "\",\"reason\":\"go\"}");
  }

  private int post(Main.Edge edge, String operation, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(admin(edge) + "/admin/routes/checkout/" + operation))
        .header("Authorization", "Bearer test-token").header("Content-Type", "application/json")
        .header("X-Actor", "operator").timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private List<JsonNode> guardEntries(Main.Edge edge) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(admin(edge) + "/admin/audit"))
        .header("Authorization", "Bearer test-token").timeout(Duration.ofSeconds(20)).build();
    JsonNode entries = JSON.readTree(http.send(r, HttpResponse.BodyHandlers.ofString()).body()).get("entries");
    return StreamSupport.stream(entries.spliterator(), false)
        .filter(e -> e.get("actor").asText().equals("guard")).toList();
  }

  private static String admin(Main.Edge edge) {
    return "http://127.0.0.1:" + edge.admin().port();
  }

  private static long rollbacks(Main.Edge edge) {
    var c = edge.metrics().registry().find("edge_guard_rollbacks").tag("route", "checkout").counter();
    return c == null ? 0 : (long) c.count();
  }

  private static void awaitPrimary(Main.Edge edge, Side side) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    var snapshot = edge.routes().current();
    while (snapshot.primaryOf(snapshot.config().routes().get(0)) != side) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the route never went to " + side);
      }
      Thread.sleep(20);
      snapshot = edge.routes().current();
    }
  }

  private Main.Edge start(String name, String store, TestUpstream legacy, TestUpstream fresh,
      WebhookReceiver receiver) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, """
        listen: 127.0.0.1:0
        admin: {listen: 127.0.0.1:0, token: test-token}
        state: {dir: ./%s, store: "%s", instance: edge-%s}
        upstreams:
          legacy: {targets: ["%s"]}
          new: {targets: ["%s"]}
        alerts: {webhook: "%s"}
        routes:
          - id: checkout
            match: {path: "/**"}
            primary: legacy
            core: {legacy: {json: ""}, new: {json: ""}}
            sticky: {header: X-User}
            guard: {max-error-rate: 2%%, max-diff-rate: 1%%, min-requests: %d, window: 60s}
        """.formatted(name, store, name, legacy.url(), fresh.url(), receiver.url(),
        MIN_REQUESTS));
    return Main.Edge.start(ConfigLoader.load(file), 1, 60_000);
  }

  private static FullHttpResponse json(String side, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        Unpooled.wrappedBuffer(bytes));
    res.headers().set("X-Served-By", side).set("Content-Type", "application/json");
    HttpUtil.setContentLength(res, bytes.length);
    return res;
  }
}
