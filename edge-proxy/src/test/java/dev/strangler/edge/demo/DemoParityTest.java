package dev.strangler.edge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.ConfigLoader;
import dev.strangler.demo.blog.Post;
import dev.strangler.demo.blog.SeedPosts;
import dev.strangler.demo.legacy.LegacyApp;
import dev.strangler.demo.persist.PersistHost;
import dev.strangler.demo.web.ServerHandle;
import dev.strangler.edge.Main;
import dev.strangler.record.Outcome;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo on the repository's routes.yaml: two apps whose HTML differs everywhere, and one
 * deliberate domain difference (the new host lists comments newest first). The HTML differences
 * produce no discrepancy; the domain difference is exactly one group.
 */
class DemoParityTest {
  @TempDir Path dir;

  @Test
  void htmlDifferencesAreSilentAndTheCommentOrderBugIsOneGroup() throws Exception {
    var loopback = new InetSocketAddress("127.0.0.1", 0);
    try (ServerHandle legacy = LegacyApp.start(loopback);
        ServerHandle fresh = PersistHost.start(loopback, PersistHost.Settings.defaults().withDivergeCommentOrder(true))) {
      String yaml = Files.readString(Path.of("..", "routes.yaml"))
          .replace("http://127.0.0.1:5001", "http://127.0.0.1:" + legacy.port())
          .replace("http://127.0.0.1:5002", "http://127.0.0.1:" + fresh.port())
          .replace("listen: 127.0.0.1:8080", "listen: 127.0.0.1:0")
          .replace("127.0.0.1:9901", "127.0.0.1:0");
      Path file = dir.resolve("routes.yaml");
      Files.writeString(file, yaml);
      try (Main.Edge edge = Main.Edge.start(ConfigLoader.load(file), 1, 1000)) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long multiComment = SeedPosts.all().stream().filter(p -> p.comments().size() > 1).count();
        for (Post p : SeedPosts.all()) {
          var r = http.send(HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + edge.server().port() + "/posts/" + p.slug())).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.body()).contains("Legacy Blog");
        }
        int posts = SeedPosts.all().size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline
            && edge.outcomes().counts("post-read").values().stream().mapToLong(Long::longValue).sum() < posts) {
          Thread.sleep(10);
        }
        var counts = edge.outcomes().counts("post-read");
        assertThat(counts.get(Outcome.DIFF)).isEqualTo(multiComment);
        assertThat(counts.get(Outcome.MATCH)).isEqualTo(posts - multiComment);
        edge.writer().flush(Duration.ofSeconds(10));
        var groups = edge.discrepancies().groups("post-read", Instant.EPOCH, 10);
        assertThat(groups).singleElement().satisfies(g -> {
          assertThat(g.count()).isEqualTo(multiComment);
          assertThat(g.example().diffs()).isNotEmpty()
              .allSatisfy(d -> assertThat(d.shape()).startsWith("$.comments[*]."));
        });
      }
    }
  }
}
