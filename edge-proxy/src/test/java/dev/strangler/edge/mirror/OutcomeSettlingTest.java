package dev.strangler.edge.mirror;

import static dev.strangler.edge.TestConfigs.config;
import static dev.strangler.edge.TestConfigs.withNewPipelining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.CompareConfig;
import dev.strangler.config.CoreSpec;
import dev.strangler.config.MatchConfig;
import dev.strangler.config.RecordConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.config.ShadowConfig;
import dev.strangler.config.Timeouts;
import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.TestConfigs;
import dev.strangler.edge.TestUpstream;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path a mirrored request can take ends in exactly one counted outcome, of the right kind
 * and with the right reason, through real sockets: a real edge between a real legacy server and a
 * real shadow. Each case sends N requests, then finds exactly N outcomes on the route (none
 * turning up later), the reasons counted with them, and every in-flight slot given back.
 */
class OutcomeSettlingTest {
  static final String SAME = "{\"id\":1,\"v\":\"same\"}";
  static final String OTHER = "{\"id\":1,\"v\":\"other\"}";
  static final String BIG = "{\"blob\":\"" + "x".repeat(8000) + "\"}";
  /** How long a second count of any request would take to show, at most (timeouts here are 300 ms). */
  static final long QUIET_MILLIS = 400;

  @TempDir Path dir;
  private Setup setup;
  final MirrorPipeliningTest.Gate gate = new MirrorPipeliningTest.Gate();
  TestUpstream legacy;
  TestUpstream shadow;
  EdgeHarness edge;

  /** Requests that end in {@code outcome}, with {@code reason} counted (null: no reason). */
  record Counted(Outcome outcome, String reason, long times) {}

  /** Sends a case's requests; returns how many. */
  interface Traffic {
    int send(OutcomeSettlingTest t) throws Exception;
  }

  record Case(String name, Setup setup, Traffic traffic, List<Counted> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The edge of a case: the route's shadow settings and timeouts, which sides are up, settings. */
  record Setup(ShadowConfig shadow, Timeouts timeouts, boolean legacyUp, boolean shadowUp, int pipelining,
      MirrorSettings settings) {
    static Setup standard() {
      return new Setup(mirroring(Duration.ofSeconds(5), 4096, 256), TestConfigs.TIMEOUTS, true, true, 16,
          EdgeHarness.SETTINGS);
    }

    Setup with(ShadowConfig s) {
      return new Setup(s, timeouts, legacyUp, shadowUp, pipelining, settings);
    }

    Setup withServingTimeout(Duration response) {
      Timeouts t = new Timeouts(timeouts.connect(), response, timeouts.idle());
      return new Setup(shadow, t, legacyUp, shadowUp, pipelining, settings);
    }

    Setup legacyDown() {
      return new Setup(shadow, timeouts, false, shadowUp, pipelining, settings);
    }

    Setup shadowDown() {
      return new Setup(shadow, timeouts, legacyUp, false, pipelining, settings);
    }

    /** One mirror per connection, so that mirrors never share a connection's fate. */
    Setup unpipelined() {
      return new Setup(shadow, timeouts, legacyUp, shadowUp, 1, settings);
    }

    Setup with(MirrorSettings s) {
      return new Setup(shadow, timeouts, legacyUp, shadowUp, pipelining, s);
    }
  }

  static Stream<Case> cases() {
    Setup std = Setup.standard();
    String declaredTooLarge = "POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n" + "y".repeat(100);
    String streamedTooLarge = "POST /post HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n64\r\n"
        + "y".repeat(100) + "\r\n0\r\n\r\n";
    return Stream.of(
        new Case("match", std, t -> t.inTurn(gets("/same", 3)), List.of(new Counted(Outcome.MATCH, null, 3))),
        new Case("diff", std, t -> t.inTurn(gets("/differ", 3)), List.of(new Counted(Outcome.DIFF, null, 3))),
        new Case("extract failure", std, t -> t.inTurn(gets("/html", 3)),
            List.of(new Counted(Outcome.EXTRACT_FAILED, null, 3))),
        new Case("mirror timeout", std.with(mirroring(Duration.ofMillis(300), 4096, 256)).unpipelined(),
            t -> t.inTurn(gets("/hang", 3)), List.of(new Counted(Outcome.SHADOW_ERROR, "timeout", 3))),
        new Case("shadow resets", std.unpipelined(), t -> t.inTurn(gets("/reset", 3)),
            List.of(new Counted(Outcome.SHADOW_ERROR, "reset", 3))),
        new Case("shadow answers garbage", std.unpipelined(), t -> t.inTurn(gets("/bad", 3)),
            List.of(new Counted(Outcome.SHADOW_ERROR, "bad-response", 3))),
        new Case("shadow unreachable", std.shadowDown(), t -> t.inTurn(gets("/same", 3)),
            List.of(new Counted(Outcome.SHADOW_ERROR, "connect-failed", 3))),
        new Case("serving side unreachable (502)", std.legacyDown(), t -> t.inTurn(gets("/same", 3)),
            List.of(new Counted(Outcome.SKIPPED, "primary-upstream-connect-failed", 3))),
        new Case("serving side timeout (504)", std.withServingTimeout(Duration.ofMillis(300)),
            t -> t.inTurn(gets("/slow", 3)), List.of(new Counted(Outcome.SKIPPED, "primary-upstream-timeout", 3))),
        new Case("client gone before the answer", std, t -> t.clientGone(3),
            List.of(new Counted(Outcome.SKIPPED, "primary-client-closed", 3))),
        new Case("response too large", std, t -> t.inTurn(gets("/big", 3)),
            List.of(new Counted(Outcome.SKIPPED, "response-too-large", 3))),
        new Case("request body declared too large", std.with(mirroring(Duration.ofSeconds(5), 64, 256)),
            t -> t.inTurn(declaredTooLarge, declaredTooLarge, declaredTooLarge),
            List.of(new Counted(Outcome.SKIPPED, "request-body-too-large", 3))),
        new Case("request body streamed too large", std.with(mirroring(Duration.ofSeconds(5), 64, 256)),
            t -> t.inTurn(streamedTooLarge, streamedTooLarge, streamedTooLarge),
            List.of(new Counted(Outcome.SKIPPED, "request-body-too-large", 3))),
        new Case("in-flight limit", std.with(mirroring(Duration.ofSeconds(5), 4096, 1)), t -> t.whileHeld(3, 2),
            List.of(new Counted(Outcome.DROPPED, "in-flight-limit", 2), new Counted(Outcome.MATCH, null, 1))),
        new Case("mirror pool full", std.unpipelined().with(settings(1, 0, 1024)), t -> t.whileHeld(3, 2),
            List.of(new Counted(Outcome.DROPPED, "mirror-pool-full", 2), new Counted(Outcome.MATCH, null, 1))),
        new Case("judge queue full", std.with(settings(512, 256, 1)), OutcomeSettlingTest::pairsUntilOneIsShed,
            List.of(new Counted(Outcome.MATCH, null, 1), new Counted(Outcome.DROPPED, "judge-queue-full", 1))));
  }

  /**
   * Two requests whose mirrors the shadow answers in one write, so that both pairs usually end in
   * one event-loop batch and a judge queue of one sheds the second. On a loaded machine the
   * second serving answer can come a loop iteration later; then both are judged and the test
   * starts again on a fresh edge, up to 20 times, until a pair is shed.
   */
  private static int pairsUntilOneIsShed(OutcomeSettlingTest t) throws Exception {
    for (int attempt = 1; ; attempt++) {
      int sent = t.inTurn(gets("/pair", 2));
      await(() -> t.total() >= sent);
      if (t.edge.outcomes().counts("items").get(Outcome.DROPPED) > 0 || attempt == 20) {
        return sent;
      }
      t.restart();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyPathEndsInExactlyOneCountedOutcome(Case c) throws Exception {
    start(c.setup());
    int sent = c.traffic().send(this);
    assertThat(c.expected().stream().mapToLong(Counted::times).sum()).as("outcomes expected").isEqualTo(sent);
    await(() -> total() >= sent);
    assertThat(total()).as("outcomes counted for %d requests", sent).isEqualTo(sent);
    Thread.sleep(QUIET_MILLIS);
    assertThat(edge.outcomes().counts("items")).isEqualTo(byOutcome(c.expected()));
    assertThat(reasons()).isEqualTo(byReason(c.expected()));
    assertThat(edge.mirror().inFlight()).as("in-flight slots given back").isZero();
  }

  /** Mirrors GET and POST (writes too), shadow timeout and max-body as given. */
  static ShadowConfig mirroring(Duration timeout, long maxBody, int maxInFlight) {
    return new ShadowConfig(true, 1.0, Set.of("GET", "POST"), timeout, maxBody, true, maxInFlight);
  }

  /** The harness's settings with other mirror pool bounds and judge queue. */
  static MirrorSettings settings(int mirrorConnections, int acquiresWaiting, int judgeQueue) {
    MirrorSettings s = EdgeHarness.SETTINGS;
    return new MirrorSettings(mirrorConnections, acquiresWaiting, s.mirrorsInFlight(), judgeQueue, s.judgeThreads(),
        s.writerQueue(), s.samplesPerWindow(), s.sampleWindow(), s.parityWindow(), s.captureQueue(),
        s.captureFileBytes(), s.captureFileAge(), s.captureFiles());
  }

  /**
   * Legacy serves {@code /slow} never, {@code /big} over max-body, the rest {@link #SAME}. The shadow
   * answers by path (see {@link ShadowAnswers}).
   */
  void start(Setup s) throws Exception {
    setup = s;
    legacy = TestUpstream.answering((req, ctx) -> {
      if (!req.uri().startsWith("/slow")) {
        ctx.writeAndFlush(ShadowingTest.json("legacy", req.uri().startsWith("/big") ? BIG : SAME));
      }
    });
    shadow = TestUpstream.custom(() -> new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel ch) {
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new ShadowAnswers(gate));
      }
    });
    var base = config(dir, s.legacyUp() ? legacy.url() : closedPort(), s.shadowUp() ? shadow.url() : closedPort(),
        List.of(new RouteConfig("items", new MatchConfig("/**", Set.of(), null), Side.LEGACY, s.shadow(),
            Map.of(Side.LEGACY, new CoreSpec.Json(""), Side.NEW, new CoreSpec.Json("")), CompareConfig.lenient(),
            new RecordConfig(0), s.timeouts(), 1)));
    edge = new EdgeHarness(withNewPipelining(base, s.pipelining()), s.settings());
  }

  /** A new edge and upstreams with the same setup (fresh counters). */
  void restart() throws Exception {
    stop();
    start(setup);
  }

  @AfterEach
  void stop() {
    gate.open();
    if (edge != null) {
      edge.close();
    }
    legacy.close();
    shadow.close();
  }

  /**
   * The shadow: {@code /hang} never answers, {@code /reset} closes, {@code /bad} answers what is
   * not HTTP, {@code /differ} and {@code /html} differ from legacy, {@code /gate} waits for the
   * gate, and {@code /pair} waits for a second {@code /pair} on its connection and answers both in
   * one write (so both pairs end in one event-loop iteration: one batch for the judge).
   */
  static final class ShadowAnswers extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final MirrorPipeliningTest.Gate gate;
    private boolean pairWaiting;

    ShadowAnswers(MirrorPipeliningTest.Gate gate) {
      this.gate = gate;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      String uri = req.uri();
      if (uri.startsWith("/hang")) {
        return;
      }
      if (uri.startsWith("/reset")) {
        ctx.close();
      } else if (uri.startsWith("/bad")) {
        raw(ctx, "HTTP/1.1 two hundred\r\nX: y\r\n\r\n");
      } else if (uri.startsWith("/gate")) {
        gate.answer(() -> ctx.writeAndFlush(ShadowingTest.json("new", SAME)));
      } else if (uri.startsWith("/pair")) {
        if (pairWaiting) {
          raw(ctx, answer(SAME) + answer(SAME));
        }
        pairWaiting = !pairWaiting;
      } else {
        String body = uri.startsWith("/differ") ? OTHER : uri.startsWith("/html") ? "<html>oops</html>"
            : uri.startsWith("/big") ? BIG : SAME;
        ctx.writeAndFlush(ShadowingTest.json("new", body));
      }
    }

    private static String answer(String body) {
      return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
          + body;
    }

    private static void raw(ChannelHandlerContext ctx, String text) {
      ctx.pipeline().firstContext().writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }
  }

  static String[] gets(String path, int n) {
    return Stream.iterate(1, i -> i + 1).limit(n).map(i -> "GET " + path + "/" + i + " HTTP/1.1\r\nHost: h\r\n\r\n")
        .toArray(String[]::new);
  }

  /** Sends the requests on one connection in turn, reading each answer. */
  int inTurn(String... requests) throws IOException {
    try (RawClient c = new RawClient(edge.port())) {
      for (String r : requests) {
        c.send(r).read(false);
      }
    }
    return requests.length;
  }

  /** Sends {@code n} requests that legacy never answers, each closing its connection once forwarded. */
  int clientGone(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      int forwarded = legacy.received().size() + 1;
      try (RawClient c = new RawClient(edge.port())) {
        c.send("GET /slow/" + i + " HTTP/1.1\r\nHost: h\r\n\r\n");
        await(() -> legacy.received().size() >= forwarded);
      }
    }
    return n;
  }

  /** Sends {@code n} requests while the shadow holds its answers, waits for {@code shed} outcomes, then opens. */
  int whileHeld(int n, int shed) throws Exception {
    inTurn(gets("/gate", n));
    await(() -> total() >= shed);
    gate.open();
    return n;
  }

  private long total() {
    return edge.outcomes().counts("items").values().stream().mapToLong(Long::longValue).sum();
  }

  /** Every {@code edge_shadow_reasons_total} counter, as {@code outcome/reason}. */
  private Map<String, Long> reasons() {
    Map<String, Long> out = new TreeMap<>();
    edge.metrics().registry().find("edge_shadow_reasons_total").counters().forEach(c ->
        out.put(c.getId().getTag("outcome") + "/" + c.getId().getTag("reason"), (long) c.count()));
    return out;
  }

  private static Map<Outcome, Long> byOutcome(List<Counted> expected) {
    Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      out.put(o, 0L);
    }
    expected.forEach(c -> out.merge(c.outcome(), c.times(), Long::sum));
    return out;
  }

  private static Map<String, Long> byReason(List<Counted> expected) {
    Map<String, Long> out = new TreeMap<>();
    expected.stream().filter(c -> c.reason() != null)
        .forEach(c -> out.merge(c.outcome().id() + "/" + c.reason(), c.times(), Long::sum));
    return out;
  }

  private static String closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://127.0.0.1:" + s.getLocalPort();
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 30 s").isTrue();
  }
}
