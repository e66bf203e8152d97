package dev.strangler.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.config.AdminConfig;
import dev.strangler.config.ConfigException;
import dev.strangler.config.EdgeConfig;
import dev.strangler.config.HostPort;
import dev.strangler.edge.admin.AdminClient.Reply;
import dev.strangler.edge.metrics.EdgeMetrics;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import dev.strangler.store.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The admin API over real sockets, backed by a real SQLite state store. */
class AdminServerTest {
  @TempDir Path stateDir;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private EdgeConfig config;
  private AdminHarness edge;
  private StateStore store;
  private LiveRoutes routes;
  private EdgeMetrics metrics;
  private AdminServer server;
  private String token;

  @BeforeEach
  void startEdge() {
    logs.start();
    rootLogger().addAppender(logs);
    config = EdgeConfigFixture.config(stateDir);
    start(config.admin());
  }

  @AfterEach
  void stopEdge() {
    stop();
    rootLogger().detachAppender(logs);
  }

  private void start(AdminConfig admin) {
    edge = AdminHarness.start(config, admin);
    store = edge.store;
    routes = edge.routes;
    metrics = edge.metrics;
    server = edge.server;
    token = edge.token;
  }

  private void stop() {
    if (edge != null) {
      edge.close();
    }
  }

  @Test
  void adminCallsNeedTheBearerToken() throws Exception {
    for (String path : List.of("/admin/routes", "/admin/audit", "/admin/instances")) {
      Reply none = get(path, null);
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.json().get("error").asText()).isEqualTo("unauthorized");
      assertThat(get(path, "Bearer not-the-token").status()).isEqualTo(401);
      assertThat(get(path, token).status()).isEqualTo(401);
      assertThat(get(path, "Bearer " + token).status()).isEqualTo(200);
    }
    Reply cutover = post("/admin/routes/post-read/cutover", "{\"primary\":\"new\"}", "Bearer wrong");
    assertThat(cutover.status()).isEqualTo(401);
    assertThat(primaryOf("post-read")).isEqualTo(Side.LEGACY);
    assertThat(store.audit(0, 10)).isEmpty();
  }

  @Test
  void listsTheEffectiveRouteTable() throws Exception {
    metrics.started("post-read", Side.LEGACY);
    metrics.started("post-read", Side.LEGACY);
    metrics.finished("post-read", Side.LEGACY, 200, 1_000_000);

    Reply reply = get("/admin/routes", "Bearer " + token);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("config_error").isNull()).isTrue();
    JsonNode list = body.get("routes");
    assertThat(list).hasSize(2);
    JsonNode post = list.get(0);
    assertThat(post.get("id").asText()).isEqualTo("post-read");
    assertThat(post.at("/match/path").asText()).isEqualTo("/posts/{slug}");
    assertThat(post.at("/match/methods").toString()).isEqualTo("[\"GET\",\"HEAD\"]");
    assertThat(post.at("/match/host").asText()).isEqualTo("blog.example");
    assertThat(post.get("primary").asText()).isEqualTo("legacy");
    assertThat(post.get("configured_primary").asText()).isEqualTo("legacy");
    assertThat(post.get("source").asText()).isEqualTo("config");
    assertThat(post.at("/shadow/enabled").asBoolean()).isTrue();
    assertThat(post.at("/shadow/sample").asDouble()).isEqualTo(1.0);
    assertThat(post.at("/shadow/methods").toString()).isEqualTo("[\"GET\",\"HEAD\"]");
    assertThat(post.at("/counters/total").asLong()).isEqualTo(1);
    assertThat(post.at("/counters/in_flight").asInt()).isEqualTo(1);
    assertThat(post.at("/counters/status_class/2xx").asLong()).isEqualTo(1);
    assertThat(post.at("/counters/side/legacy").asLong()).isEqualTo(1);
    assertThat(post.has("parity")).isTrue();
    assertThat(post.get("parity").isNull()).isTrue();
    assertThat(post.at("/sides/legacy/answered").asLong()).isEqualTo(1);
    assertThat(post.at("/sides/legacy/errors").asLong()).isZero();
    assertThat(post.at("/sides/legacy/error_rate").asDouble()).isZero();
    assertThat(post.at("/sides/legacy/p50_ms").asDouble()).isBetween(0.9, 1.1);
    assertThat(post.at("/sides/legacy/mirrored/answered").asLong()).isZero();
    assertThat(post.at("/sides/legacy/mirrored/p50_ms").isNull()).isTrue();
    assertThat(post.at("/sides/new/answered").asLong()).isZero();
    assertThat(post.at("/sides/new/error_rate").isNull()).isTrue();
    JsonNode rest = list.get(1);
    assertThat(rest.get("id").asText()).isEqualTo("everything-else");
    assertThat(rest.at("/match/methods").toString()).isEqualTo("[]");
    assertThat(rest.at("/match/host").isNull()).isTrue();
    assertThat(rest.at("/counters/total").asLong()).isZero();
    assertThat(rest.at("/counters/side").toString()).isEqualTo("{\"legacy\":0,\"new\":0}");
  }

  @Test
  void showsParityAndOutcomeCountsPerRoute() throws Exception {
    for (int i = 0; i < 3; i++) {
      edge.outcomes.count("post-read", Outcome.MATCH, null);
    }
    edge.outcomes.count("post-read", Outcome.DIFF, null);
    edge.outcomes.count("post-read", Outcome.NOISE, null);
    edge.outcomes.count("post-read", Outcome.SKIPPED, "sample");
    edge.outcomes.count("post-read", Outcome.SKIPPED, "method");
    edge.outcomes.count("post-read", Outcome.SHADOW_ERROR, "timeout");
    edge.outcomes.count("everything-else", Outcome.DROPPED, "judge-queue-full");

    JsonNode list = get("/admin/routes", "Bearer " + token).json().get("routes");

    JsonNode post = list.get(0);
    assertThat(post.get("parity").asDouble()).as("noise is no discrepancy").isEqualTo(0.8);
    assertThat(post.get("outcomes").toString()).isEqualTo(
        "{\"match\":3,\"diff\":1,\"shadow_error\":1,\"extract_failed\":0,\"dropped\":0,\"skipped\":2,\"noise\":1}");
    JsonNode rest = list.get(1);
    assertThat(rest.get("parity").isNull()).isTrue();
    assertThat(rest.get("outcomes").toString()).isEqualTo(
        "{\"match\":0,\"diff\":0,\"shadow_error\":0,\"extract_failed\":0,\"dropped\":1,\"skipped\":0,\"noise\":0}");
  }

  @Test
  void showsARefusedReload() throws Exception {
    routes.refuse(new ConfigException(config.source(), 12, 7, "unknown key 'primay'"));

    JsonNode body = get("/admin/routes", "Bearer " + token).json();

    assertThat(body.get("config_error").asText()).isEqualTo(config.source() + ":12:7: unknown key 'primay'");
    assertThat(body.get("routes")).hasSize(2);
  }

  @Test
  void cutoverFlipsTheRouteAndIsAudited() throws Exception {
    Reply first = post("/admin/routes/post-read/cutover",
        "{\"primary\":\"new\",\"reason\":\"parity 99.9%\"}", "Bearer " + token, "X-Actor", "alice");

    assertThat(first.status()).isEqualTo(200);
    JsonNode entry = first.json();
    assertThat(entry.get("seq").asLong()).isEqualTo(1);
    assertThat(entry.get("route").asText()).isEqualTo("post-read");
    assertThat(entry.get("from").asText()).isEqualTo("legacy");
    assertThat(entry.get("to").asText()).isEqualTo("new");
    assertThat(entry.get("reason").asText()).isEqualTo("parity 99.9%");
    assertThat(entry.get("actor").asText()).isEqualTo("alice");
    assertThat(entry.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(primaryOf("post-read")).isEqualTo(Side.NEW);

    Reply second = post("/admin/routes/post-read/cutover", "{\"primary\":\"legacy\"}", "Bearer " + token);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("actor").asText()).isEqualTo("admin");
    assertThat(second.json().get("reason").asText()).isEmpty();
    assertThat(primaryOf("post-read")).isEqualTo(Side.LEGACY);

    JsonNode audit = get("/admin/audit", "Bearer " + token).json().get("entries");
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0)).isEqualTo(entry);
    assertThat(audit.get(1).get("seq").asLong()).isEqualTo(2);
    assertThat(audit.get(1).get("from").asText()).isEqualTo("new");
    JsonNode page = get("/admin/audit?after=1&limit=1", "Bearer " + token).json().get("entries");
    assertThat(page).hasSize(1);
    assertThat(page.get(0).get("seq").asLong()).isEqualTo(2);

    JsonNode post = get("/admin/routes", "Bearer " + token).json().at("/routes/0");
    assertThat(post.get("source").asText()).isEqualTo("override");
  }

  @Test
  void unknownRouteIs404() throws Exception {
    Reply reply = post("/admin/routes/no-such-route/cutover", "{\"primary\":\"new\"}", "Bearer " + token);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("error").asText()).contains("no-such-route");
  }

  @Test
  void badCutoverBodiesAre400() throws Exception {
    for (String body : List.of("{\"primary\":\"sideways\"}", "{\"reason\":\"no primary\"}", "{}", "{not json")) {
      Reply reply = post("/admin/routes/post-read/cutover", body, "Bearer " + token);
      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.contentType()).as(body).startsWith("application/json");
      assertThat(reply.json().get("error").asText()).as(body).isNotBlank();
    }
    assertThat(get("/admin/audit?limit=0", "Bearer " + token).status()).isEqualTo(400);
    assertThat(primaryOf("post-read")).isEqualTo(Side.LEGACY);
    assertThat(store.audit(0, 10)).isEmpty();
  }

  @Test
  void cutoverSurvivesARestart() throws Exception {
    assertThat(post("/admin/routes/post-read/cutover", "{\"primary\":\"new\"}", "Bearer " + token).status())
        .isEqualTo(200);
    String firstToken = token;
    stop();

    start(config.admin());

    assertThat(token).isEqualTo(firstToken);
    assertThat(primaryOf("post-read")).isEqualTo(Side.NEW);
    JsonNode post = get("/admin/routes", "Bearer " + token).json().at("/routes/0");
    assertThat(post.get("primary").asText()).isEqualTo("new");
    assertThat(post.get("configured_primary").asText()).isEqualTo("legacy");
    assertThat(post.get("source").asText()).isEqualTo("override");
  }

  @Test
  void generatedTokenIsOwnerOnlyAndNeverLogged() throws Exception {
    Path file = server.tokenFile();

    assertThat(file).isEqualTo(stateDir.resolve("admin.token").toAbsolutePath());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    get("/admin/routes", "Bearer wrong-" + token);
    get("/admin/routes", "Bearer " + token);
    post("/admin/routes/post-read/cutover", "{\"primary\":\"new\"}", "Bearer " + token);

    List<String> logged = new ArrayList<>();
    logs.list.forEach(e -> {
      logged.add(e.getFormattedMessage());
      if (e.getThrowableProxy() != null) {
        logged.add(e.getThrowableProxy().getMessage());
      }
    });
    assertThat(logged).anyMatch(line -> line.contains(file.toString()));
    assertThat(logged).noneMatch(line -> line != null && line.contains(token));
  }

  @Test
  void configuredTokenWritesNoFile() throws Exception {
    stop();
    Files.delete(stateDir.resolve("admin.token"));
    start(new AdminConfig(new HostPort("127.0.0.1", 0), "configured-secret"));

    assertThat(server.tokenFile()).isNull();
    assertThat(stateDir.resolve("admin.token")).doesNotExist();
    assertThat(get("/admin/routes", "Bearer configured-secret").status()).isEqualTo(200);
    assertThat(get("/admin/routes", "Bearer configured-secre").status()).isEqualTo(401);
  }

  @Test
  void healthAndMetricsNeedNoToken() throws Exception {
    metrics.started("post-read", Side.LEGACY);
    metrics.finished("post-read", Side.LEGACY, 200, 2_000_000);

    Reply health = get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().toString()).isEqualTo("{\"status\":\"UP\",\"store\":\"up\",\"state\":\"serving\"}");

    Reply scrape = get("/metrics", null);
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.contentType()).startsWith("text/plain").contains("version=0.0.4");
    assertThat(scrape.body())
        .contains("edge_requests_total{route=\"post-read\",side=\"legacy\",status_class=\"2xx\"} 1.0")
        .contains("edge_store_up 1.0")
        .contains("edge_audit_seq_applied 0.0");
  }

  @Test
  void readinessIs200WhileServingAnd503OnceTheDrainBegins() throws Exception {
    Reply serving = get("/health/ready", null);
    assertThat(serving.status()).isEqualTo(200);
    assertThat(serving.json().get("state").asText()).isEqualTo("serving");

    edge.lifecycle.draining();

    Reply draining = get("/health/ready", null);
    assertThat(draining.status()).isEqualTo(503);
    assertThat(draining.json().toString()).isEqualTo("{\"status\":\"UP\",\"store\":\"up\",\"state\":\"draining\"}");
    assertThat(get("/health", null).json().get("state").asText()).isEqualTo("draining");
    assertThat(get("/health", null).status()).as("liveness stays 200").isEqualTo(200);
  }

  @Test
  void aFlipExpectingThePrimaryInForceIsTakenAndNamesTheInstance() throws Exception {
    Reply reply = post("/admin/routes/post-read/cutover", "{\"primary\":\"new\",\"expect\":\"legacy\"}",
        "Bearer " + token);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("instance").asText()).isEqualTo(edge.fleet.instanceId());
    assertThat(get("/admin/audit", "Bearer " + token).json().at("/entries/0")).isEqualTo(reply.json());
  }

  @Test
  void aFlipExpectingAnotherPrimaryIs409WithWhatIsInForce() throws Exception {
    assertThat(post("/admin/routes/post-read/cutover", "{\"primary\":\"new\"}", "Bearer " + token).status())
        .isEqualTo(200);

    Reply refused = post("/admin/routes/post-read/cutover",
        "{\"primary\":\"new\",\"expect\":\"legacy\",\"reason\":\"late\"}", "Bearer " + token);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().toString())
        .isEqualTo("{\"error\":\"conflict\",\"primary\":\"new\",\"seq\":1,\"weight\":{\"new\":100}}");
    assertThat(store.audit(0, 10)).hasSize(1);
    Reply bad = post("/admin/routes/post-read/cutover", "{\"primary\":\"new\",\"expect\":\"sideways\"}",
        "Bearer " + token);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").asText()).contains("expect");
  }

  @Test
  void instancesListsThisEdgeWithTheLastFlipItApplied() throws Exception {
    post("/admin/routes/post-read/cutover", "{\"primary\":\"new\"}", "Bearer " + token);

    JsonNode self = null;
    for (int i = 0; i < 200 && (self == null || self.get("audit_seq").asLong() != 1); i++) {
      Thread.sleep(50);
      self = get("/admin/instances", "Bearer " + token).json().at("/instances/0");
    }
    assertThat(self.get("audit_seq").asLong()).as("heartbeats every second").isEqualTo(1);
    assertThat(self.get("id").asText()).isEqualTo(edge.fleet.instanceId()).matches(".+-\\d+-[0-9a-f]{6}");
    assertThat(self.get("version").asText()).isEqualTo("dev");
    assertThat(self.get("state").asText()).isEqualTo("serving");
    assertThat(self.get("config_drift").asBoolean()).isFalse();
    assertThat(self.get("started").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(self.has("address") && self.has("last_seen") && self.has("config_hash")).isTrue();
  }

  private Side primaryOf(String routeId) {
    var snapshot = routes.current();
    return snapshot.primaryOf(snapshot.route(routeId).orElseThrow());
  }

  private Reply get(String path, String authorization) throws Exception {
    return edge.client.get(path, authorization);
  }

  private Reply post(String path, String body, String authorization, String... headers) throws Exception {
    return edge.client.post(path, body, authorization, headers);
  }

  private static Logger rootLogger() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
