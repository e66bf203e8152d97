package dev.strangler.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.demo.legacy.LegacyApp;
import dev.strangler.demo.persist.PersistHost;
import dev.strangler.demo.web.ServerHandle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real headless Chromium browses the demo through the edge (the repository's routes.yaml, the
 * edge's own jar in a JVM of its own): the home page, every post link, {@code /api/posts}. Its
 * requests (text/html, br and zstd, a cookie) are recorded from DevTools' Network events as a HAR.
 * Every mirrored browser request is judged (no extract_failed, no shadow_error), and replaying
 * the HAR against the demo gives the same verdicts.
 */
class BrowserThroughTheEdgeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PROXY = Pattern.compile("^edge: proxy on http://[^:]+:(\\d+) ", Pattern.MULTILINE);
  private static final Pattern ADMIN = Pattern.compile("^edge: admin on http://[^:]+:(\\d+)", Pattern.MULTILINE);
  private static final List<String> SHADOWED = List.of("post-read", "post-api");

  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void everyMirroredBrowserRequestIsJudgedAndTheHarReplaysToTheSameVerdicts() throws Exception {
    var loopback = new InetSocketAddress("127.0.0.1", 0);
    try (ServerHandle legacy = LegacyApp.start(loopback);
        ServerHandle fresh = PersistHost.start(loopback, PersistHost.Settings.defaults().withDivergeCommentOrder(true))) {
      Path config = config(legacy.port(), fresh.port());
      Process edge = startEdge(config);
      try {
        int[] ports = awaitBanner(edge);
        String proxy = "http://127.0.0.1:" + ports[0];
        String admin = "http://127.0.0.1:" + ports[1];
        Path har = dir.resolve("browser.har");
        int posts = browse(proxy, har);

        JsonNode postRead = awaitOutcomes(admin, "post-read", posts);
        JsonNode postApi = awaitOutcomes(admin, "post-api", 1);
        for (JsonNode route : List.of(postRead, postApi)) {
          assertThat(route.get("extract_failed").asLong()).as(route.toString()).isZero();
          assertThat(route.get("shadow_error").asLong()).as(route.toString()).isZero();
        }
        assertThat(postRead.get("match").asLong() + postRead.get("diff").asLong()).isEqualTo(posts);
        assertThat(postRead.get("diff").asLong()).as("the seeded comment-order bug").isPositive();
        assertThat(postApi.get("match").asLong()).isEqualTo(1);
        String harText = Files.readString(har);
        assertThat(harText).as("what a browser sends").contains("text/html").contains("session=browser-1")
            .contains("gzip, deflate, br, zstd");

        Cli.Result replay = Cli.run(dir.resolve("replay"), "run", "--config", config.toString(),
            "--input", har.toString());
        assertThat(replay.exit()).as(replay.err()).isZero();
        for (String id : SHADOWED) {
          JsonNode edgeCounts = id.equals("post-read") ? postRead : postApi;
          JsonNode replayed = replay.route(id);
          for (String outcome : List.of("match", "diff", "extract_failed", "shadow_error")) {
            assertThat(replayed.get(outcome).asLong()).as(id + " " + outcome).isEqualTo(edgeCounts.get(outcome).asLong());
          }
        }
        assertThat(diffPaths(replay.discrepancies()))
            .isEqualTo(diffPaths(edgeRecords(admin, postRead.get("diff").asLong())));
      } finally {
        edge.destroy();
        if (!edge.waitFor(20, TimeUnit.SECONDS)) {
          edge.destroyForcibly();
        }
      }
    }
  }

  /** Browses home, every post link, /api/posts; returns how many post pages were opened. */
  private int browse(String proxy, Path har) throws Exception {
    try (DevTools browser = DevTools.start(dir.resolve("profile"))) {
      BrowserHar recorder = new BrowserHar(browser);
      recorder.cookie(proxy, "session", "browser-1");
      recorder.open(proxy + "/");
      List<String> posts = new ArrayList<>(new TreeSet<>(recorder.links().stream()
          .filter(l -> l.startsWith(proxy + "/posts/")).toList()));
      assertThat(posts).as("post links on the home page").hasSizeGreaterThan(2);
      for (String post : posts) {
        recorder.open(post);
      }
      recorder.open(proxy + "/api/posts");
      recorder.write(har);
      return posts.size();
    }
  }

  private Path config(int legacyPort, int freshPort) throws IOException {
    String yaml = Files.readString(Path.of("..", "routes.yaml"))
        .replace("http://127.0.0.1:5001", "http://127.0.0.1:" + legacyPort)
        .replace("http://127.0.0.1:5002", "http://127.0.0.1:" + freshPort)
        .replace("listen: 127.0.0.1:8080", "listen: 127.0.0.1:0")
        .replace("127.0.0.1:9901", "127.0.0.1:0");
    Path file = dir.resolve("routes.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private Process startEdge(Path config) throws IOException {
    Path jar = Path.of("..", "edge-proxy", "target", "edge-proxy.jar").toAbsolutePath().normalize();
    assertThat(jar).as("the edge's jar (./mvnw package builds it before replay's tests)").exists();
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", jar.toString(), "--config", config.toString(), "--threads", "1")
        .redirectErrorStream(true).redirectOutput(dir.resolve("edge.log").toFile());
    pb.environment().put("EDGE_ADMIN_TOKEN", "browser-test");
    return pb.start();
  }

  private int[] awaitBanner(Process edge) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      String out = Files.readString(dir.resolve("edge.log"));
      Matcher p = PROXY.matcher(out);
      Matcher a = ADMIN.matcher(out);
      if (p.find() && a.find()) {
        return new int[] {Integer.parseInt(p.group(1)), Integer.parseInt(a.group(1))};
      }
      assertThat(edge.isAlive()).as(out).isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("no banner: " + Files.readString(dir.resolve("edge.log")));
  }

  /** The outcome counts of a route once at least {@code n} were settled. */
  private JsonNode awaitOutcomes(String admin, String route, long n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode outcomes = null;
    while (System.nanoTime() < deadline) {
      for (JsonNode r : JSON.readTree(get(admin + "/admin/routes")).get("routes")) {
        if (r.get("id").asText().equals(route)) {
          outcomes = r.get("outcomes");
        }
      }
      long settled = 0;
      for (JsonNode v : outcomes) {
        settled += v.asLong();
      }
      if (settled >= n) {
        return outcomes;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(route + " settled too few outcomes: " + outcomes);
  }

  /** The edge's stored records, once at least {@code n} are stored (the writer stores in batches). */
  private List<JsonNode> edgeRecords(String admin, long n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<JsonNode> out = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      out.clear();
      JSON.readTree(get(admin + "/admin/discrepancies?limit=500")).get("discrepancies").forEach(out::add);
      if (out.size() >= n) {
        return out;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the edge stored " + out.size() + " of " + n + " records");
  }

  /** "route path outcome" of every record that is not a match. */
  private static Set<String> diffPaths(List<JsonNode> records) {
    Set<String> out = new TreeSet<>();
    records.forEach(r -> out.add(r.get("route").asText() + " " + r.get("path").asText() + " " + r.get("outcome").asText()));
    return out;
  }

  private String get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer browser-test").build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
