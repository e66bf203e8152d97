package dev.strangler.edge.mirror;

import static dev.strangler.edge.TestConfigs.config;
import static dev.strangler.edge.TestConfigs.shadow;
import static dev.strangler.edge.TestConfigs.shadowed;
import static dev.strangler.edge.TestConfigs.withNewPipelining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.CompareConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.config.ShadowConfig;
import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.TestUpstream;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirror requests of safe methods share connections to the shadow (HTTP/1.1 pipelining), through
 * real sockets to a real server that, like most, answers a connection's requests in turn. The
 * shadow here holds its answers until the test opens the gate, so mirrors pile up.
 */
class MirrorPipeliningTest {
  @TempDir Path dir;
  final Gate gate = new Gate();
  TestUpstream legacy;
  TestUpstream fresh;
  EdgeHarness edge;

  @AfterEach
  void stop() {
    gate.open();
    if (edge != null) {
      edge.close();
    }
    legacy.close();
    fresh.close();
  }

  void start(int pipelining, ShadowConfig shadow, Answer freshAnswer) throws Exception {
    legacy = TestUpstream.answering((req, ctx) -> ctx.writeAndFlush(ShadowingTest.json("legacy", body(req))));
    fresh = TestUpstream.answering((req, ctx) -> gate.answer(() -> freshAnswer.answer(req, ctx)));
    edge = new EdgeHarness(withNewPipelining(config(dir, legacy.url(), fresh.url(), List.of(route(shadow))), pipelining));
  }

  /**
   * GET and HEAD mirrors with a 30 s timeout: a request may then wait behind others for up to
   * 30/16 s, more than a cold first request through a new edge takes.
   */
  static ShadowConfig patient() {
    return new ShadowConfig(true, 1.0, Set.of("GET", "HEAD"), Duration.ofSeconds(30), 1024, false, 256);
  }

  static RouteConfig route(ShadowConfig shadow) {
    return shadowed("items", "/**", Side.LEGACY, shadow, CompareConfig.lenient());
  }

  static String body(FullHttpRequest req) {
    return "{\"path\":\"" + req.uri() + "\"}";
  }

  static void same(FullHttpRequest req, ChannelHandlerContext ctx) {
    ctx.writeAndFlush(ShadowingTest.json("new", body(req)));
  }

  @Test
  void aBurstOfMirrorsSharesAConnectionPerEventLoop() throws Exception {
    start(16, patient(), MirrorPipeliningTest::same);
    List<RawClient> clients = burst(8, "GET");
    await(() -> fresh.received().size() >= 1);
    Thread.sleep(200);
    assertThat(connections()).as("connections that reached the shadow while it held its answers").isBetween(1L, 2L);
    gate.open();
    awaitOutcomes(8);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 8L);
    assertThat(fresh.received()).hasSize(8);
    assertThat(connections()).as("one connection per edge event loop").isBetween(1L, 2L);
    close(clients);
  }

  @Test
  void pipeliningOfOneSendsEachMirrorOnAConnectionOfItsOwn() throws Exception {
    start(1, patient(), MirrorPipeliningTest::same);
    List<RawClient> clients = burst(6, "GET");
    await(() -> fresh.received().size() == 6);
    assertThat(connections()).isEqualTo(6);
    gate.open();
    awaitOutcomes(6);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 6L);
    close(clients);
  }

  @Test
  void mirroredWritesAreNeverPipelined() throws Exception {
    start(16, new ShadowConfig(true, 1.0, Set.of("POST"), Duration.ofSeconds(5), 1024, true, 256),
        MirrorPipeliningTest::same);
    List<RawClient> clients = burst(4, "POST");
    await(() -> fresh.received().size() == 4);
    assertThat(connections()).isEqualTo(4);
    gate.open();
    awaitOutcomes(4);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 4L);
    close(clients);
  }

  @Test
  void headAndGetMirrorsShareAConnection() throws Exception {
    start(16, patient(), MirrorPipeliningTest::same);
    try (RawClient c = new RawClient(edge.port())) {
      c.send("GET /a HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
      c.send("HEAD /b HTTP/1.1\r\nHost: h\r\n\r\n").read(true);
      c.send("GET /c HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
    }
    gate.open();
    awaitOutcomes(3);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 3L);
    assertThat(connections()).isEqualTo(1);
  }

  @Test
  void aServerClosingAfterEachAnswerGetsTheWaitingMirrorsAgain() throws Exception {
    start(16, patient(), (req, ctx) -> {
      FullHttpResponse res = ShadowingTest.json("new", body(req));
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    });
    try (RawClient c = new RawClient(edge.port())) {
      for (int i = 0; i < 5; i++) {
        assertThat(c.send("GET /items/" + i + " HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      }
    }
    await(() -> fresh.received().size() >= 1);
    gate.open();
    awaitOutcomes(5);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 5L);
    assertThat(connections()).as("a connection per answer").isEqualTo(5);
  }

  @Test
  void aHungMirrorHoldsNoMirrorSentAfterIt() throws Exception {
    gate.open();
    start(16, new ShadowConfig(true, 1.0, Set.of("GET"), Duration.ofMillis(800), 1024, false, 256), (req, ctx) -> {
      if (!req.uri().equals("/hang")) {
        same(req, ctx);
      }
    });
    try (RawClient c = new RawClient(edge.port())) {
      assertThat(c.send("GET /hang HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      Thread.sleep(100);
      for (String path : List.of("/items/1", "/items/2")) {
        assertThat(c.send("GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      }
      awaitOutcomes(2);
      assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 2L);
    }
    awaitOutcomes(3);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.SHADOW_ERROR, 1L);
  }

  @Test
  void mirrorsWaitingOnAConnectionThatBreaksGoOutOnceMore() throws Exception {
    AtomicBoolean dropped = new AtomicBoolean();
    start(16, patient(), (req, ctx) -> {
      if (req.uri().equals("/drop") && dropped.compareAndSet(false, true)) {
        ctx.executor().schedule(() -> ctx.close(), 300, TimeUnit.MILLISECONDS);
      } else {
        same(req, ctx);
      }
    });
    gate.open();
    try (RawClient c = new RawClient(edge.port())) {
      assertThat(c.send("GET /items/0 HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      awaitOutcomes(1);
      for (String path : List.of("/drop", "/items/1", "/items/2")) {
        assertThat(c.send("GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      }
    }
    awaitOutcomes(4);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 4L);
    assertThat(fresh.received()).extracting(TestUpstream.Received::uri)
        .as("the three waiting on the broken connection, sent again on a second one")
        .containsExactly("/items/0", "/drop", "/drop", "/items/1", "/items/2");
    assertThat(connections()).isEqualTo(2);
  }

  @Test
  void aSlowShadowGetsAConnectionPerMirror() throws Exception {
    gate.open();
    start(16, shadow(), (req, ctx) -> ctx.executor().schedule(() -> same(req, ctx), 400, TimeUnit.MILLISECONDS));
    try (RawClient c = new RawClient(edge.port())) {
      assertThat(c.send("GET /items/0 HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      awaitOutcomes(1);
      for (int i = 1; i <= 4; i++) {
        assertThat(c.send("GET /items/" + i + " HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      }
      await(() -> fresh.received().size() == 5);
    }
    assertThat(connections()).as("the four mirrors after a 400 ms answer each on a connection").isEqualTo(4);
    awaitOutcomes(5);
    assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.MATCH, 5L);
  }

  @Test
  void anAnswerThatIsNotHttpFailsItsMirrorAndTheOnesBehindItGoOutAgain() throws Exception {
    AtomicBoolean garbled = new AtomicBoolean();
    start(16, patient(), (req, ctx) -> {
      if (req.uri().equals("/garbled") && garbled.compareAndSet(false, true)) {
        ctx.pipeline().firstContext().writeAndFlush(
            Unpooled.copiedBuffer("HTTP/1.1 two hundred\r\nX: y\r\n\r\n", StandardCharsets.US_ASCII));
      } else {
        same(req, ctx);
      }
    });
    try (RawClient c = new RawClient(edge.port())) {
      for (String path : List.of("/garbled", "/items/1", "/items/2")) {
        assertThat(c.send("GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      }
    }
    gate.open();
    awaitOutcomes(3);
    assertThat(edge.outcomes().counts("items"))
        .containsEntry(Outcome.SHADOW_ERROR, 1L).containsEntry(Outcome.MATCH, 2L);
    edge.writer().flush(Duration.ofSeconds(10));
    assertThat(edge.discrepancies().find("items", null, Instant.EPOCH, 10))
        .singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("new: bad-response"));
  }

  /** Sends one request on each of {@code n} client connections and reads the (legacy) answers. */
  private List<RawClient> burst(int n, String method) throws Exception {
    List<RawClient> clients = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RawClient c = new RawClient(edge.port());
      clients.add(c);
      c.send(method + " /items/" + i + " HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi");
    }
    for (RawClient c : clients) {
      assertThat(c.read(false).status()).isEqualTo(200);
    }
    return clients;
  }

  private static void close(List<RawClient> clients) throws Exception {
    for (RawClient c : clients) {
      c.close();
    }
  }

  private long connections() {
    return fresh.received().stream().map(TestUpstream.Received::connection).distinct().count();
  }

  private void awaitOutcomes(long n) throws InterruptedException {
    await(() -> edge.outcomes().counts("items").values().stream().mapToLong(Long::longValue).sum() >= n);
    assertThat(edge.outcomes().counts("items").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(n);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 30 s").isTrue();
  }

  /** How the shadow answers one request. */
  interface Answer {
    void answer(FullHttpRequest req, ChannelHandlerContext ctx);
  }

  /** Holds answers until opened; answers at once after that. */
  static final class Gate {
    private final List<Runnable> held = new ArrayList<>();
    private boolean open;

    synchronized void answer(Runnable answer) {
      if (open) {
        answer.run();
      } else {
        held.add(answer);
      }
    }

    void open() {
      List<Runnable> release;
      synchronized (this) {
        open = true;
        release = new ArrayList<>(held);
        held.clear();
      }
      release.forEach(Runnable::run);
    }
  }
}
