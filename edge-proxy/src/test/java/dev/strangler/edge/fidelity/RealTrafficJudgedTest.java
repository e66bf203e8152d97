package dev.strangler.edge.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.TestUpstream;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import dev.strangler.store.Flip;
import io.airlift.compress.zstd.ZstdOutputStream;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a browser sends, judged through real sockets: an extractor list picks by content type
 * (HTML to a browser, JSON to an API client); a zstd body decodes; a conditional request served
 * 304 is skipped (not-modified), the mirror never carries the validators, and differing ETags
 * are never a diff.
 */
class RealTrafficJudgedTest {
  static final String CORE = "{\"slug\":\"hello\",\"title\":\"Hello\"}";
  static final String PAGE = "<!doctype html><html><body><h1>Hello</h1>"
      + "<script type=\"application/json\" id=\"core\">" + CORE + "</script></body></html>";
  static final String ROUTE = """
        - id: post-read
          match: {path: "/posts/{slug}"}
          primary: legacy
          core:
            legacy: {html-island: "script#core"}
            new: %s
      """;

  @TempDir Path dir;

  /** Legacy: HTML with an island, ETag "L1", 304 when If-None-Match names it. */
  static TestUpstream legacy() throws InterruptedException {
    return TestUpstream.answering((req, ctx) -> {
      if ("\"L1\"".equals(req.headers().get("If-None-Match"))) {
        var res = Sides.answer(HttpResponseStatus.NOT_MODIFIED, "legacy", null, new byte[0]);
        res.headers().remove("Content-Length").set("ETag", "\"L1\"");
        ctx.writeAndFlush(res);
        return;
      }
      var res = Sides.answer(HttpResponseStatus.OK, "legacy", "text/html; charset=utf-8", utf8(PAGE));
      res.headers().set("ETag", "\"L1\"");
      ctx.writeAndFlush(res);
    });
  }

  /**
   * New: HTML to a browser's Accept, JSON {"post": core} otherwise, zstd when asked for /z; a 304
   * whenever a validator arrives (its ETags are its own).
   */
  static TestUpstream fresh() throws InterruptedException {
    return TestUpstream.answering((req, ctx) -> {
      if (req.headers().contains("If-None-Match") || req.headers().contains("If-Modified-Since")) {
        ctx.writeAndFlush(Sides.answer(HttpResponseStatus.NOT_MODIFIED, "new", null, new byte[0]));
        return;
      }
      String accept = req.headers().get("Accept", "");
      if (accept.startsWith("text/html")) {
        ctx.writeAndFlush(Sides.answer(HttpResponseStatus.OK, "new", "text/html", utf8(PAGE.replace("<h1>", "<h1 class=new>"))));
        return;
      }
      var res = Sides.answer(HttpResponseStatus.OK, "new", "application/json", body(req));
      if (req.uri().startsWith("/posts/z")) {
        res.headers().set("Content-Encoding", "zstd");
      }
      ctx.writeAndFlush(res);
    });
  }

  private static byte[] body(FullHttpRequest req) {
    byte[] json = utf8("{\"post\":" + CORE + "}");
    return req.uri().startsWith("/posts/z") ? zstd(json) : json;
  }

  @Test
  void anExtractorListJudgesBrowsersAndApiClientsAlike() throws Exception {
    try (Sides s = new Sides(dir, legacy(), fresh(), "",
        ROUTE.formatted("[{json: \"/post\"}, {html-island: \"script#core\"}]"))) {
      s.get("/posts/hello", Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"));
      s.get("/posts/hello", Map.of("Accept", "application/json"));
      s.get("/posts/hello", Map.of());
      s.awaitOutcomes("post-read", 3);
      assertThat(s.count("post-read", Outcome.MATCH)).isEqualTo(3);
    }
  }

  @Test
  void aSingleJsonExtractorFailsOnHtmlNamingTheContentType() throws Exception {
    try (Sides s = new Sides(dir, legacy(), fresh(), "", ROUTE.formatted("{json: \"/post\"}"))) {
      s.get("/posts/hello", Map.of("Accept", "text/html"));
      s.awaitOutcomes("post-read", 1);
      assertThat(s.count("post-read", Outcome.EXTRACT_FAILED)).isEqualTo(1);
      s.edge.writer().flush(Duration.ofSeconds(10));
      assertThat(s.edge.discrepancies().find("post-read", null, Instant.EPOCH, 10)).singleElement()
          .satisfies(r -> assertThat(r.reason()).startsWith("new: the body is not valid JSON")
              .endsWith("(Content-Type: text/html)"));
    }
  }

  @Test
  void aZstdBodyIsDecodedForTheComparisonAndPassedOnAsSent() throws Exception {
    try (Sides s = new Sides(dir, legacy(), fresh(), "",
        ROUTE.formatted("[{json: \"/post\"}, {html-island: \"script#core\"}]"))) {
      s.edge.routes().cutover(new Flip("post-read", Side.NEW, null, "zstd served", "test", "test"));
      var r = s.get("/posts/z", Map.of("Accept-Encoding", "gzip, deflate, br, zstd"));
      assertThat(r.headers().firstValue("Content-Encoding")).contains("zstd");
      assertThat(r.body()).isEqualTo(zstd(utf8("{\"post\":" + CORE + "}")));
      s.awaitOutcomes("post-read", 1);
      assertThat(s.count("post-read", Outcome.MATCH)).isEqualTo(1);
    }
  }

  @Test
  void aServed304IsSkippedAndTheMirrorAsksWithoutValidators() throws Exception {
    try (Sides s = new Sides(dir, legacy(), fresh(), "",
        ROUTE.formatted("[{json: \"/post\"}, {html-island: \"script#core\"}]"))) {
      var cached = s.get("/posts/hello", Map.of("Accept", "text/html", "If-None-Match", "\"L1\""));
      assertThat(cached.statusCode()).isEqualTo(304);
      var stale = s.get("/posts/hello", Map.of("Accept", "text/html", "If-None-Match", "\"L0\"",
          "If-Modified-Since", "Sun, 06 Dec 2026 10:00:00 GMT"));
      assertThat(stale.statusCode()).isEqualTo(200);
      s.awaitOutcomes("post-read", 2);

      assertThat(s.count("post-read", Outcome.SKIPPED)).as("served 304: nothing to compare").isEqualTo(1);
      assertThat(s.count("post-read", Outcome.MATCH)).as("validators dropped: new answered in full").isEqualTo(1);
      assertThat(s.count("post-read", Outcome.DIFF)).isZero();
      assertThat(s.fresh.received()).hasSize(2).allSatisfy(m -> {
        assertThat(m.headers().contains("If-None-Match")).isFalse();
        assertThat(m.headers().contains("If-Modified-Since")).isFalse();
      });
      assertThat(s.edge.metrics().registry().get("edge_shadow_reasons_total")
          .tag("outcome", "skipped").tag("reason", "not-modified").counter().count()).isEqualTo(1.0);
    }
  }

  static byte[] zstd(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZstdOutputStream z = new ZstdOutputStream(out)) {
      z.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
