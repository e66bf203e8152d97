package dev.strangler.edge.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.config.ConfigLoader;
import dev.strangler.edge.Main;
import dev.strangler.edge.TestUpstream;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code edge rollout} run in-process against a real edge (real upstreams, real sockets, the
 * admin API over HTTP, a SQLite state store), its audit read back through the admin API.
 */
class RolloutCommandTest {
  private static final String ROUTE = "checkout";
  private static final String NO_ENV = "EDGE_ROLLOUT_TEST_NO_SUCH_VARIABLE";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ExecutorService background = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  @Test
  void aHealthyNewSideIsRaisedStepByStepTo100() throws Exception {
    try (TestUpstream legacy = TestUpstream.text("legacy", "ok");
        TestUpstream fresh = TestUpstream.text("new", "ok");
        Main.Edge edge = start(legacy, fresh)) {
      Run run = rollout(edge, "--steps", "10,50,100", "--hold", "1s", "--reason", "canary");

      assertThat(run.status).as(run.toString()).isZero();
      List<JsonNode> entries = audit(edge);
      assertThat(entries).extracting(e -> e.get("actor").asText()).containsExactly("rollout", "rollout", "rollout");
      assertThat(entries).extracting(e -> e.get("weight").get("to").asInt()).containsExactly(10, 50, 100);
      assertThat(entries.get(1).get("reason").asText()).isEqualTo("canary (rollout step 2 of 3)");
      assertThat(weight(edge)).isEqualTo(100);
      assertThat(run.out).contains("step 3/3: held 1s at 100%", "done: route checkout at weight 100%");
      assertThat(run.out + run.err).doesNotContain("test-token");
    }
  }

  @Test
  void aGuardRollbackStopsThePlanWithItsOwnStatus() throws Exception {
    try (TestUpstream legacy = TestUpstream.text("legacy", "ok");
        TestUpstream fresh = TestUpstream.answering((req, ctx) ->
            ctx.writeAndFlush(TestUpstream.response(HttpResponseStatus.INTERNAL_SERVER_ERROR, "new", "boom")));
        Main.Edge edge = start(legacy, fresh)) {
      AtomicBoolean done = new AtomicBoolean();
      Future<?> load = background.submit(() -> drive(edge, done));

      Run run = rollout(edge, "--steps", "20,100", "--hold", "30s");
      done.set(true);
      load.get();

      assertThat(run.status).as(run.toString()).isEqualTo(3);
      assertThat(run.out).contains("guard rollback: weight change to 0% by guard on edge-a", "guard: error rate 100% (");
      List<JsonNode> entries = audit(edge);
      assertThat(entries).extracting(e -> e.get("actor").asText()).containsExactly("rollout", "guard");
      assertThat(entries.get(0).get("weight").get("to").asInt()).isEqualTo(20);
      assertThat(weight(edge)).isZero();
    }
  }

  @Test
  void someoneElsesChangeDuringAHoldStopsThePlan() throws Exception {
    try (TestUpstream legacy = TestUpstream.text("legacy", "ok");
        TestUpstream fresh = TestUpstream.text("new", "ok");
        Main.Edge edge = start(legacy, fresh)) {
      Future<Integer> flip = background.submit(() -> {
        while (weight(edge) != 10) {
          Thread.sleep(20);
        }
        return post(edge, "/admin/routes/checkout/cutover", "{\"primary\":\"legacy\",\"reason\":\"not today\"}");
      });

      Run run = rollout(edge, "--steps", "10,100", "--hold", "30s");

      assertThat(flip.get()).isEqualTo(200);
      assertThat(run.status).as(run.toString()).isEqualTo(4);
      assertThat(run.out).contains("changed by someone else: flip to 0% by alice on edge-a", "not today");
      assertThat(audit(edge)).extracting(e -> e.get("actor").asText()).containsExactly("rollout", "alice");
      assertThat(weight(edge)).isZero();
    }
  }

  @Test
  void aWrongTokenExitsWith2AndChangesNothing() throws Exception {
    try (TestUpstream legacy = TestUpstream.text("legacy", "ok");
        TestUpstream fresh = TestUpstream.text("new", "ok");
        Main.Edge edge = start(legacy, fresh)) {
      Path wrong = dir.resolve("wrong.yaml");
      Files.writeString(wrong, Files.readString(dir.resolve("edge.yaml")).replace("test-token", "wrong-token"));

      Run run = execute("rollout", ROUTE, "--steps", "10,100", "--hold", "1s", "--config", wrong.toString(),
          "--admin", admin(edge), "--token-env", NO_ENV);

      assertThat(run.status).as(run.toString()).isEqualTo(2);
      assertThat(run.err).contains("401: the admin token was refused");
      assertThat(run.out + run.err).doesNotContain("wrong-token");
      assertThat(audit(edge)).isEmpty();
      assertThat(weight(edge)).isZero();
    }
  }

  @Test
  void anAdminApiThatIsNotThereExitsWith2() throws Exception {
    Run run = execute("rollout", ROUTE, "--steps", "10", "--hold", "1s", "--admin", "http://127.0.0.1:1",
        "--config", config("http://127.0.0.1:1", "http://127.0.0.1:1").toString(), "--token-env", NO_ENV);

    assertThat(run.status).as(run.toString()).isEqualTo(2);
    assertThat(run.err).contains("cannot reach the admin API at http://127.0.0.1:1/");
  }

  /** Sends requests of ever new users (X-User) until told to stop. */
  private void drive(Main.Edge edge, AtomicBoolean done) {
    for (int user = 0; !done.get(); user++) {
      HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.server().port() + "/cart/" + user))
          .header("X-User", "user-" + user).timeout(Duration.ofSeconds(20)).build();
      try {
        http.send(r, HttpResponse.BodyHandlers.discarding());
      } catch (Exception e) {
        return;
      }
    }
  }

  private Run rollout(Main.Edge edge, String... options) {
    List<String> args = new ArrayList<>(List.of("rollout", ROUTE, "--config", dir.resolve("edge.yaml").toString(),
        "--admin", admin(edge), "--token-env", NO_ENV));
    args.addAll(List.of(options));
    return execute(args.toArray(String[]::new));
  }

  private static Run execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  private record Run(int status, String out, String err) {}

  private List<JsonNode> audit(Main.Edge edge) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(admin(edge) + "/admin/audit"))
        .header("Authorization", "Bearer test-token").timeout(Duration.ofSeconds(20)).build();
    JsonNode entries = JSON.readTree(http.send(r, HttpResponse.BodyHandlers.ofString()).body()).get("entries");
    return StreamSupport.stream(entries.spliterator(), false).toList();
  }

  private int post(Main.Edge edge, String path, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(admin(edge) + path))
        .header("Authorization", "Bearer test-token").header("Content-Type", "application/json")
        .header("X-Actor", "alice").timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static int weight(Main.Edge edge) {
    var snapshot = edge.routes().current();
    return snapshot.weightOf(snapshot.route(ROUTE).orElseThrow()).toNew();
  }

  private static String admin(Main.Edge edge) {
    return "http://127.0.0.1:" + edge.admin().port();
  }

  private Main.Edge start(TestUpstream legacy, TestUpstream fresh) throws Exception {
    return Main.Edge.start(ConfigLoader.load(config(legacy.url(), fresh.url())), 1, 60_000);
  }

  private Path config(String legacy, String fresh) throws Exception {
    Path file = dir.resolve("edge.yaml");
    Files.writeString(file, """
        listen: 127.0.0.1:0
        admin: {listen: 127.0.0.1:0, token: test-token}
        state: {dir: ./state, store: "jdbc:sqlite:%s", instance: edge-a}
        upstreams:
          legacy: {targets: ["%s"]}
          new: {targets: ["%s"]}
        routes:
          - id: checkout
            match: {path: "/**"}
            primary: legacy
            sticky: {header: X-User}
            guard: {max-error-rate: 2%%, min-requests: 20, window: 60s}
        """.formatted(dir.resolve("edge.db"), legacy, fresh));
    return file;
  }
}
