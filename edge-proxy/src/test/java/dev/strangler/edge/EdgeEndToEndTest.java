package dev.strangler.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole edge from a routes.yaml: proxy, admin API, metrics, reload errors, restart. */
class EdgeEndToEndTest {
  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void trafficShowsInMetricsAndRoutesAndAFlipSurvivesRestart() throws Exception {
    try (TestUpstream legacy = TestUpstream.text("legacy", "legacy");
        TestUpstream fresh = TestUpstream.text("new", "new")) {
      Path file = dir.resolve("routes.yaml");
      String yaml = """
          listen: 127.0.0.1:0
          admin: {listen: 127.0.0.1:0, token: "${TEST_TOKEN:-s3cret}"}
          state: {dir: ./state}
          upstreams:
            legacy: {targets: ["%s"]}
            new: {targets: ["%s"]}
          routes:
            - id: posts
              match: {path: "/posts/{slug}", methods: [GET]}
              primary: legacy
          """.formatted(legacy.url(), fresh.url());
      Files.writeString(file, yaml);
      try (Main.Edge edge = Main.Edge.start(ConfigLoader.load(file), 1, 50)) {
        String proxy = "http://127.0.0.1:" + edge.server().port();
        String admin = "http://127.0.0.1:" + edge.admin().port();
        for (int i = 0; i < 3; i++) {
          assertThat(send(proxy + "/posts/a", null, null).body()).isEqualTo("legacy");
        }
        assertThat(send(proxy + "/nowhere", null, null).statusCode()).isEqualTo(404);

        String metrics = send(admin + "/metrics", null, null).body();
        assertThat(metrics).containsPattern(
            "edge_requests_total\\{route=\"posts\",side=\"legacy\",status_class=\"2xx\"} 3(\\.0)?\n");
        assertThat(metrics).contains("edge_request_duration_seconds_count{route=\"posts\",side=\"legacy\"} 3");
        assertThat(metrics).containsPattern("edge_rejected_total\\{reason=\"no-route\",status=\"404\"} 1(\\.0)?\n");

        var flip = send(admin + "/admin/routes/posts/cutover", "s3cret", "{\"primary\":\"new\",\"reason\":\"e2e\"}");
        assertThat(flip.statusCode()).isEqualTo(200);
        assertThat(send(proxy + "/posts/a", null, null).body()).isEqualTo("new");

        Files.writeString(file, yaml.replace("methods: [GET]", "methods: [GOT IT]"));
        String routes = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline
            && !(routes = send(admin + "/admin/routes", "s3cret", null).body()).contains("config_error\":\"")) {
          Thread.sleep(20);
        }
        assertThat(routes).contains("routes.yaml:9:46: ").contains("\"source\":\"override\"");
      }
      assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageContaining("routes.yaml:9:46: ");
      Files.writeString(file, yaml);
      try (Main.Edge again = Main.Edge.start(ConfigLoader.load(file), 1, 50)) {
        String proxy = "http://127.0.0.1:" + again.server().port();
        assertThat(send(proxy + "/posts/a", null, null).body()).as("override survives restart").isEqualTo("new");
      }
    }
  }

  private HttpResponse<String> send(String url, String token, String json) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
