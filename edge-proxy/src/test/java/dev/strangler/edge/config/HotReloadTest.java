package dev.strangler.edge.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.ConfigLoader;
import dev.strangler.edge.Main;
import dev.strangler.edge.TestUpstream;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing routes.yaml applies without a restart; a broken edit is refused and the table stays. */
class HotReloadTest {
  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  String yaml(TestUpstream legacy, TestUpstream fresh, String primary) {
    return """
        listen: 127.0.0.1:0
        state: {dir: ./state}
        upstreams:
          legacy: {targets: ["%s"]}
          new: {targets: ["%s"]}
        routes:
          - id: posts
            match: {path: "/posts/**"}
            primary: %s
        """.formatted(legacy.url(), fresh.url(), primary);
  }

  @Test
  void validEditAppliesInvalidEditIsRefusedInFlightRequestsFinish() throws Exception {
    try (TestUpstream legacy = TestUpstream.answering((req, ctx) -> {
          long delay = req.uri().contains("slow") ? 1500 : 0;
          ctx.executor().schedule(() -> ctx.writeAndFlush(
              TestUpstream.response(HttpResponseStatus.OK, "legacy", "legacy")), delay, TimeUnit.MILLISECONDS);
        });
        TestUpstream fresh = TestUpstream.text("new", "new")) {
      Path file = dir.resolve("routes.yaml");
      Files.writeString(file, yaml(legacy, fresh, "legacy"));
      try (Main.Edge edge = Main.Edge.start(ConfigLoader.load(file), 1, 50)) {
        String base = "http://127.0.0.1:" + edge.server().port();
        assertThat(get(base + "/posts/a")).isEqualTo("legacy");

        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/posts/slow")).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        Files.writeString(file, yaml(legacy, fresh, "new"));
        awaitBody(base + "/posts/a", "new");
        assertThat(inFlight.get(20, TimeUnit.SECONDS).body()).as("in-flight request finished").isEqualTo("legacy");
        assertThat(edge.routes().reloadError()).isEmpty();

        Files.writeString(file, yaml(legacy, fresh, "legacy").replace("primary: legacy", "primary: sideways"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (edge.routes().reloadError().isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(edge.routes().reloadError()).hasValueSatisfying(e ->
            assertThat(e).contains("routes.yaml:9:14:").contains("sideways"));
        assertThat(get(base + "/posts/a")).as("running table stays").isEqualTo("new");
      }
    }
  }

  private String get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private void awaitBody(String url, String expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String last = null;
    while (System.nanoTime() < deadline && !expected.equals(last = get(url))) {
      Thread.sleep(20);
    }
    assertThat(last).isEqualTo(expected);
  }
}
