package dev.strangler.edge.mirror;

import static dev.strangler.edge.TestConfigs.config;
import static dev.strangler.edge.TestConfigs.shadow;
import static dev.strangler.edge.TestConfigs.shadowed;
import static org.assertj.core.api.Assertions.assertThat;


import dev.strangler.config.CompareConfig;
import dev.strangler.config.CoreSpec;
import dev.strangler.config.MatchConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.config.ShadowConfig;
import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.TestUpstream;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mirroring through real sockets: parallel, isolated, judged off the loop, every outcome counted. */
class ShadowingTest {
  static final String ITEM = "{\"id\":%s,\"price\":%s,\"tags\":[\"a\",\"b\"]}";

  @TempDir Path dir;
  final CountDownLatch release = new CountDownLatch(1);
  TestUpstream legacy;
  TestUpstream fresh;
  EdgeHarness edge;

  /** Legacy: the reference. New: a rounding bug on items 7 and 8, a broken page, a hanging page. */
  void start(RouteConfig route) throws Exception {
    legacy = TestUpstream.answering((req, ctx) -> ctx.writeAndFlush(json("legacy", answer(req, false))));
    fresh = TestUpstream.answering((req, ctx) -> {
      if (req.uri().startsWith("/hang")) {
        return;
      }
      if (req.uri().startsWith("/gate")) {
        ctx.executor().execute(() -> {
          await(release);
          ctx.writeAndFlush(json("new", answer(req, true)));
        });
        return;
      }
      ctx.writeAndFlush(json("new", answer(req, true)));
    });
    edge = new EdgeHarness(config(dir, legacy.url(), fresh.url(), List.of(route)));
  }

  static String answer(FullHttpRequest req, boolean fresh) {
    String uri = req.uri();
    if (uri.startsWith("/broken")) {
      return fresh ? "<html>oops</html>" : String.format(ITEM, 0, 1);
    }
    if (uri.startsWith("/huge")) {
      return "{\"blob\":\"" + "x".repeat(8000) + "\"}";
    }
    String id = uri.replaceAll("\\D", "");
    id = id.isEmpty() ? "0" : id;
    boolean bug = fresh && (id.equals("7") || id.equals("8"));
    return String.format(ITEM, id, bug ? "12.49" : "12.5");
  }

  static io.netty.handler.codec.http.FullHttpResponse json(String side, String body) {
    var res = TestUpstream.response(HttpResponseStatus.OK, side, body);
    res.headers().set("Content-Type", "application/json");
    return res;
  }

  static RouteConfig route(ShadowConfig shadow) {
    return shadowed("items", "/**", Side.LEGACY, shadow, CompareConfig.lenient());
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (edge != null) {
      edge.close();
    }
    legacy.close();
    fresh.close();
  }

  @Test
  void mirrorCarriesTheShadowHeaderAndTheSameRequestId() throws Exception {
    start(route(shadow()));
    RawClient.Response r;
    try (RawClient c = new RawClient(edge.port())) {
      r = c.send("GET /items/1 HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
    }
    assertThat(r.header("X-Served-By")).isEqualTo("legacy");
    awaitOutcomes(1);
    assertThat(fresh.received()).hasSize(1);
    var mirrored = fresh.received().get(0);
    assertThat(mirrored.headers().get("X-Shadow-Request")).isEqualTo("1");
    assertThat(mirrored.headers().get("X-Request-Id")).isEqualTo(r.header("X-Request-Id"));
    assertThat(legacy.received().get(0).headers().contains("X-Shadow-Request")).isFalse();
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 1L);
  }

  @Test
  void oneDomainBugOnTwoRequestsIsOneGroup() throws Exception {
    start(route(shadow()));
    try (RawClient c = new RawClient(edge.port())) {
      for (String path : List.of("/items/7", "/items/8", "/items/1")) {
        assertThat(c.send("GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      }
    }
    awaitOutcomes(3);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.DIFF, 2L).containsEntry(Outcome.MATCH, 1L);
    edge.writer().flush(Duration.ofSeconds(10));
    var groups = edge.discrepancies().groups("items", Instant.EPOCH, 10);
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).count()).isEqualTo(2);
    var example = groups.get(0).example();
    assertThat(example.diffs()).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("$.price");
      assertThat(d.kind().id()).isEqualTo("changed");
      assertThat(d.legacy().asDouble()).isEqualTo(12.5);
      assertThat(d.fresh().asDouble()).isEqualTo(12.49);
    });
    assertThat(example.servedBy()).isEqualTo(Side.LEGACY);
  }

  @Test
  void aKnownMixEndsInExactlyOneOutcomeEach() throws Exception {
    ShadowConfig s = new ShadowConfig(true, 1.0, Set.of("GET"), Duration.ofMillis(500), 4096, false, 256);
    start(route(s));
    try (RawClient c = new RawClient(edge.port())) {
      for (String path : List.of("/items/1", "/items/2", "/items/3", "/items/7", "/items/8", "/broken", "/hang", "/huge")) {
        assertThat(c.send("GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      }
      assertThat(c.send("POST /items/1 HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi").read(false).status())
          .isEqualTo(200);
      assertThat(c.send("HEAD /items/1 HTTP/1.1\r\nHost: h\r\n\r\n").read(true).status()).isEqualTo(200);
    }
    awaitOutcomes(8);
    Map<Outcome, Long> counts = edge.outcomes().counts("items");
    assertThat(counts).containsEntry(Outcome.MATCH, 3L).containsEntry(Outcome.DIFF, 2L)
        .containsEntry(Outcome.EXTRACT_FAILED, 1L).containsEntry(Outcome.SHADOW_ERROR, 1L)
        .containsEntry(Outcome.SKIPPED, 1L).containsEntry(Outcome.DROPPED, 0L);
    assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(8);
    edge.writer().flush(Duration.ofSeconds(10));
    var failed = edge.discrepancies().find("items", null, Instant.EPOCH, 10).stream()
        .filter(r -> r.outcome() == Outcome.EXTRACT_FAILED).toList();
    assertThat(failed).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("new: "));
    var errors = edge.discrepancies().find("items", null, Instant.EPOCH, 10).stream()
        .filter(r -> r.outcome() == Outcome.SHADOW_ERROR).toList();
    assertThat(errors).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("new: timeout"));
  }

  @Test
  void aShadowThatHasNotAnsweredNeverHoldsTheClient() throws Exception {
    start(route(shadow()));
    try (RawClient c = new RawClient(edge.port())) {
      for (int i = 0; i < 3; i++) {
        var r = c.send("GET /gate/" + i + " HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
        assertThat(r.status()).isEqualTo(200);
      }
      assertThat(release.getCount()).as("every answer arrived while the shadow was still held").isEqualTo(1);
      assertThat(edge.mirror().inFlight()).isEqualTo(3);
    }
    release.countDown();
    awaitOutcomes(3);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 3L);
  }

  @Test
  void writesAreMirroredOnlyWhenTheRouteSaysSo() throws Exception {
    start(route(new ShadowConfig(true, 1.0, Set.of("GET", "POST"), Duration.ofSeconds(5), 16, false, 256)));
    try (RawClient c = new RawClient(edge.port())) {
      c.send("POST /items/1 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello").read(false);
    }
    assertThat(fresh.received()).isEmpty();
    assertThat(edge.outcomes().counts("items").values()).allMatch(n -> n == 0);
  }

  @Test
  void mirroredWritesCopyTheBodyUpToMaxBody() throws Exception {
    start(route(new ShadowConfig(true, 1.0, Set.of("POST"), Duration.ofSeconds(5), 64, true, 256)));
    try (RawClient c = new RawClient(edge.port())) {
      c.send("POST /items/1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n").read(false);
      var big = c.send("POST /items/2 HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n" + "y".repeat(100)).read(false);
      assertThat(big.status()).as("served although too large to mirror").isEqualTo(200);
    }
    awaitOutcomes(2);
    assertThat(fresh.received()).singleElement().satisfies(r -> {
      assertThat(r.bodyText()).isEqualTo("hello");
      assertThat(r.headers().get("X-Shadow-Request")).isEqualTo("1");
    });
    assertThat(legacy.received()).hasSize(2);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 1L).containsEntry(Outcome.SKIPPED, 1L);
  }

  @Test
  void mirrorsOverTheRoutesInFlightBoundAreDroppedAndCounted() throws Exception {
    start(route(new ShadowConfig(true, 1.0, Set.of("GET"), Duration.ofSeconds(10), 1 << 20, false, 2)));
    try (RawClient c = new RawClient(edge.port())) {
      for (int i = 0; i < 5; i++) {
        assertThat(c.send("GET /gate/" + i + " HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      }
    }
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.DROPPED, 3L);
    release.countDown();
    awaitOutcomes(5);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 2L).containsEntry(Outcome.DROPPED, 3L);
  }

  @Test
  void anUnreachableShadowIsAShadowErrorAndTheClientIsServed() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    legacy = TestUpstream.answering((req, ctx) -> ctx.writeAndFlush(json("legacy", answer(req, false))));
    fresh = TestUpstream.text("new", "unused");
    edge = new EdgeHarness(config(dir, legacy.url(), "http://127.0.0.1:" + closed, List.of(route(shadow()))));
    try (RawClient c = new RawClient(edge.port())) {
      assertThat(c.send("GET /items/1 HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
    }
    awaitOutcomes(1);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.SHADOW_ERROR, 1L);
  }

  @Test
  void aHeaderCoreAndAGzippedBodyAreJudgedFromTheHeadersTheyName() throws Exception {
    legacy = TestUpstream.answering((req, ctx) -> {
      var res = json("legacy", String.format(ITEM, 1, "12.5"));
      res.headers().set("X-Core", "{\"v\":1}").add("Set-Cookie", "a=b");
      ctx.writeAndFlush(res);
    });
    fresh = TestUpstream.answering((req, ctx) -> {
      byte[] gzipped = gzip(String.format(ITEM, 1, "12.5"));
      var res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.OK, Unpooled.wrappedBuffer(gzipped));
      res.headers().set("Content-Type", "application/json").set("Content-Encoding", "gzip")
          .set("Content-Length", gzipped.length).set("x-core", req.uri().contains("same") ? "{\"v\":1}" : "{\"v\":2}");
      ctx.writeAndFlush(res);
    });
    RouteConfig byBody = route(shadow());
    RouteConfig byHeader = new RouteConfig("by-header", new MatchConfig("/h/**", Set.of(), null),
        Side.LEGACY, shadow(), Map.of(Side.LEGACY, new CoreSpec.Header("X-Core"), Side.NEW, new CoreSpec.Header("X-Core")),
        CompareConfig.lenient(), byBody.record(), byBody.timeouts(), 1);
    edge = new EdgeHarness(config(dir, legacy.url(), fresh.url(), List.of(byHeader, byBody)));
    try (RawClient c = new RawClient(edge.port())) {
      for (String path : List.of("/items/1", "/h/same", "/h/other")) {
        assertThat(c.send("GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      }
    }
    awaitOutcomes(1);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 1L);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && edge.outcomes().counts("by-header").values().stream().mapToLong(Long::longValue).sum() < 2) {
      Thread.sleep(10);
    }
    assertThat(edge.outcomes().counts("by-header")).containsEntry(Outcome.MATCH, 1L).containsEntry(Outcome.DIFF, 1L);
  }

  private static byte[] gzip(String text) {
    var out = new ByteArrayOutputStream();
    try (var z = new GZIPOutputStream(out)) {
      z.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void awaitOutcomes(long n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline
        && edge.outcomes().counts("items").values().stream().mapToLong(Long::longValue).sum() < n) {
      Thread.sleep(10);
    }
    assertThat(edge.outcomes().counts("items").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(n);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
