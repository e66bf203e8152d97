package dev.strangler.edge.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.TestUpstream;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import dev.strangler.store.Flip;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * routes.yaml's per-side rewrite through real sockets: the serving request and the mirror each get
 * their side's rewrite (path template with the route's params, query, headers), before and after a
 * cutover; a hot reload with a bad rewrite is refused at its line and the running rewrite stays.
 */
class RewriteThroughTheEdgeTest {
  static final String ROUTES = """
        - id: post-read
          match: {path: "/posts/{slug}"}
          primary: legacy
          rewrite:
            new:
              path: "/api/v2/posts/{slug}"
              query: {set: {view: core}}
              headers: {set: {Accept: application/json}, remove: [Cookie]}
            legacy: {headers: {set: {X-Legacy-Route: post-read}}}
          core:
            legacy: {json: "/post"}
            new: {json: "/post"}
      """;

  @TempDir Path dir;

  static TestUpstream side(String name) throws InterruptedException {
    return TestUpstream.answering((req, ctx) -> ctx.writeAndFlush(Sides.answer(HttpResponseStatus.OK, name,
        "application/json", "{\"post\":{\"slug\":\"hello\"}}".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void eachSideGetsItsOwnRewriteServingOrMirrored() throws Exception {
    try (Sides s = new Sides(dir, side("legacy"), side("new"), "", ROUTES)) {
      var r = s.get("/posts/hello?ref=feed", Map.of("Accept", "text/html", "Cookie", "sid=secret"));
      assertThat(r.statusCode()).isEqualTo(200);
      s.awaitOutcomes("post-read", 1);

      var served = s.legacy.received().get(0);
      assertThat(served.uri()).isEqualTo("/posts/hello?ref=feed");
      assertThat(served.headers().get("X-Legacy-Route")).isEqualTo("post-read");
      assertThat(served.headers().get("Cookie")).isEqualTo("sid=secret");
      assertThat(served.headers().get("Accept")).isEqualTo("text/html");
      var mirrored = s.fresh.received().get(0);
      assertThat(mirrored.uri()).isEqualTo("/api/v2/posts/hello?ref=feed&view=core");
      assertThat(mirrored.headers().get("Accept")).isEqualTo("application/json");
      assertThat(mirrored.headers().contains("Cookie")).isFalse();
      assertThat(mirrored.headers().contains("X-Legacy-Route")).isFalse();
      assertThat(mirrored.headers().get("X-Shadow-Request")).isEqualTo("1");
      assertThat(s.count("post-read", Outcome.MATCH)).isEqualTo(1);

      s.edge.routes().cutover(new Flip("post-read", Side.NEW, null, "test", "test", "test"));
      s.get("/posts/bye", Map.of("Cookie", "sid=secret"));
      s.awaitOutcomes("post-read", 2);
      assertThat(s.fresh.received().get(1).uri()).as("serving new").isEqualTo("/api/v2/posts/bye?view=core");
      assertThat(s.fresh.received().get(1).headers().contains("Cookie")).isFalse();
      assertThat(s.fresh.received().get(1).headers().contains("X-Shadow-Request")).isFalse();
      assertThat(s.legacy.received().get(1).uri()).as("mirrored to legacy").isEqualTo("/posts/bye");
      assertThat(s.legacy.received().get(1).headers().get("X-Legacy-Route")).isEqualTo("post-read");
      assertThat(s.legacy.received().get(1).headers().get("Cookie")).isEqualTo("sid=secret");
    }
  }

  @Test
  void aBadRewriteInAReloadIsRefusedWithItsLineAndTheRunningOneStays() throws Exception {
    try (Sides s = new Sides(dir, side("legacy"), side("new"), "", ROUTES)) {
      Files.writeString(s.file, s.yaml("", ROUTES.replace("/api/v2/posts/{slug}", "/api/v2/posts/{id}")));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (s.edge.routes().reloadError().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(s.edge.routes().reloadError()).hasValueSatisfying(e ->
          assertThat(e).contains("routes.yaml:14:").contains("has no parameter {id}; it has: {slug}"));

      Files.writeString(s.file, s.yaml("", ROUTES.replace("remove: [Cookie]", "remove: [\"Bad Name\"]")));
      deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!s.edge.routes().reloadError().orElse("").contains("Bad Name") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(s.edge.routes().reloadError()).hasValueSatisfying(e ->
          assertThat(e).contains("routes.yaml:16:").contains("expected a header name"));

      s.get("/posts/hello", Map.of());
      s.awaitOutcomes("post-read", 1);
      assertThat(s.fresh.received().get(0).uri()).as("running rewrite").isEqualTo("/api/v2/posts/hello?view=core");
    }
  }
}
