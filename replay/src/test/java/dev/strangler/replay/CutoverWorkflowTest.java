package dev.strangler.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.demo.blog.SeedPosts;
import dev.strangler.demo.legacy.LegacyApp;
import dev.strangler.demo.persist.PersistHost;
import dev.strangler.demo.web.ServerHandle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cutover gate end to end, with the real edge (its runnable jar, as a separate process) and
 * the demo apps: traffic through the edge is recorded → replay against the new side finds the
 * seeded domain difference and fails the gate → a compare rule accepts it → replay passes → the
 * route is flipped → a rollback restores legacy → the audit log shows both flips.
 */
class CutoverWorkflowTest {
  static final Path EDGE_JAR = Path.of("..", "edge-proxy", "target", "edge-proxy.jar");
  static final String TOKEN = "workflow-token";

  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void recordReplayFailFixPassFlipRollback() throws Exception {
    assertThat(EDGE_JAR).as("the edge jar is built by the reactor before replay's tests").exists();
    var loopback = new InetSocketAddress("127.0.0.1", 0);
    try (ServerHandle legacy = LegacyApp.start(loopback);
        ServerHandle fresh = PersistHost.start(loopback, PersistHost.Settings.defaults().withDivergeCommentOrder(true))) {
      int proxyPort = freePort();
      int adminPort = freePort();
      Path config = dir.resolve("routes.yaml");
      String yaml = Files.readString(Path.of("..", "routes.yaml"))
          .replace("http://127.0.0.1:5001", "http://127.0.0.1:" + legacy.port())
          .replace("http://127.0.0.1:5002", "http://127.0.0.1:" + fresh.port())
          .replace("listen: 127.0.0.1:8080", "listen: 127.0.0.1:" + proxyPort)
          .replace("127.0.0.1:9901", "127.0.0.1:" + adminPort)
          .replace("\"${EDGE_ADMIN_TOKEN:-}\"", TOKEN);
      Files.writeString(config, yaml);
      String proxy = "http://127.0.0.1:" + proxyPort;
      String admin = "http://127.0.0.1:" + adminPort;

      Process edge = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-jar", EDGE_JAR.toString(), "--config", config.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("edge.log").toFile()).start();
      try {
        await(() -> get(admin + "/health", null).statusCode() == 200, "the edge");
        int posts = SeedPosts.all().size();
        for (var p : SeedPosts.all()) {
          assertThat(get(proxy + "/posts/" + p.slug(), null).headers().firstValue("X-Served-By")).hasValue("legacy");
        }
        await(() -> get(admin + "/metrics", null).body()
            .contains("edge_capture_lines_total{result=\"written\"} " + posts + ".0"), "the captures");
        List<String> captures = captureFiles(dir.resolve("data/captures"));

        var gate = Cli.run(dir.resolve("r1"), runArgs(config, captures, fresh));
        assertThat(gate.exit()).as(gate.err()).isEqualTo(1);
        assertThat(gate.route("post-read").get("groups")).singleElement().satisfies(g -> assertThat(g.toString()).contains("$.comments["));

        Files.writeString(config, yaml.replace("unordered: [\"$.tags\"]", "unordered: [\"$.tags\", \"$.comments\"]"));
        var passed = Cli.run(dir.resolve("r2"), runArgs(config, captures, fresh));
        assertThat(passed.exit()).as(passed.err()).isZero();

        assertThat(post(admin + "/admin/routes/post-read/cutover", "{\"primary\":\"new\",\"reason\":\"parity proven\"}"))
            .isEqualTo(200);
        assertThat(get(proxy + "/posts/hello-world", null).headers().firstValue("X-Served-By")).hasValue("new");
        assertThat(post(admin + "/admin/routes/post-read/cutover", "{\"primary\":\"legacy\",\"reason\":\"rollback\"}"))
            .isEqualTo(200);
        assertThat(get(proxy + "/posts/hello-world", null).headers().firstValue("X-Served-By")).hasValue("legacy");
        String audit = get(admin + "/admin/audit", TOKEN).body();
        assertThat(audit).contains("\"from\":\"legacy\",\"to\":\"new\",\"reason\":\"parity proven\"")
            .contains("\"from\":\"new\",\"to\":\"legacy\",\"reason\":\"rollback\"");
      } finally {
        edge.destroy();
        edge.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  private static String[] runArgs(Path config, List<String> captures, ServerHandle fresh) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--config", config.toString(),
        "--against-recorded", "--new", "http://127.0.0.1:" + fresh.port(), "--fail-under", "post-read=100",
        "--routes", "post-read", "--input"));
    args.addAll(captures);
    return args.toArray(String[]::new);
  }

  private static List<String> captureFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(Path::toString).filter(n -> n.endsWith(".jsonl.gz")).sorted().toList();
    }
  }

  private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
    var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int post(String url, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void await(Check check, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (Exception notYet) {
        // not up yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError(what + " did not come up");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
