package dev.strangler.edge.frontdoor;

import static dev.strangler.edge.RecordingUpstream.ascii;
import static dev.strangler.edge.TestConfigs.config;
import static dev.strangler.edge.TestConfigs.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.RecordingUpstream;
import dev.strangler.edge.proxy.ExchangeObserver;
import dev.strangler.routing.Side;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The front door's HTTP rules through real sockets, with upstreams that record the exact bytes
 * they receive: the client's protocol is honoured, routing is on normalised paths, malformed
 * upstream answers become 502, request targets are validated and forwarded byte for byte, and
 * the forwarded head respects the header limit. Every refused request reaches no upstream.
 */
class FrontDoorTest {
  @TempDir Path dir;
  RecordingUpstream legacy;
  RecordingUpstream fresh;
  EdgeHarness edge;
  final List<String> upstreamErrors = new CopyOnWriteArrayList<>();

  void start(Function<RecordingUpstream.Request, byte[]> legacyAnswer) throws Exception {
    legacy = new RecordingUpstream(legacyAnswer);
    fresh = RecordingUpstream.ok();
    var routes = List.of(route("internal", "/internal/**", Side.NEW), route("public", "/**", Side.LEGACY));
    edge = new EdgeHarness(config(dir, legacy.url(), fresh.url(), routes), new ExchangeObserver() {
      @Override
      public void upstreamError(String route, Side side, String reason) {
        upstreamErrors.add(reason);
      }
    });
  }

  @AfterEach
  void stop() throws Exception {
    edge.close();
    legacy.close();
    fresh.close();
  }

  private RawClient.Response send(String wire) throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      return c.send(wire).read(false);
    }
  }

  @Test
  void anHttp10ClientGetsNoChunkedBodyAndAClose() throws Exception {
    start(r -> ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"));
    try (RawClient c = new RawClient(edge.port())) {
      var r = c.send("GET /c HTTP/1.0\r\n\r\n").read(false);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Transfer-Encoding")).isNull();
      assertThat(r.bodyText()).isEqualTo("ok");
      assertThat(c.closedByPeer()).isTrue();
    }
    assertThat(legacy.received().get(0).line()).isEqualTo("GET /c HTTP/1.1");
  }

  @Test
  void connectionCloseClosesAfterTheAnswerAndTheUpstreamConnectionIsKept() throws Exception {
    start(r -> RecordingUpstream.OK);
    for (int i = 0; i < 2; i++) {
      try (RawClient c = new RawClient(edge.port())) {
        var r = c.send("GET /c HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").read(false);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
        assertThat(c.closedByPeer()).isTrue();
      }
    }
    assertThat(legacy.received()).hasSize(2);
    assertThat(legacy.received().get(1).text().toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
  }

  @Test
  void anHttp10KeepAliveClientKeepsItsConnectionForALengthFramedAnswer() throws Exception {
    start(r -> RecordingUpstream.OK);
    try (RawClient c = new RawClient(edge.port())) {
      var first = c.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read(false);
      assertThat(first.header("Connection")).isEqualToIgnoringCase("keep-alive");
      assertThat(c.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read(false).status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/public/../internal/x", "/public/%2e%2e/internal/x", "/public/x/../../internal/x",
      "/public/./../internal/./x"})
  void dotSegmentsAreRoutedAndForwardedAsTheNormalisedPath(String path) throws Exception {
    start(r -> RecordingUpstream.OK);
    assertThat(send("GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n").status()).isEqualTo(200);
    assertThat(fresh.received()).extracting(RecordingUpstream.Request::line).containsExactly("GET /internal/x HTTP/1.1");
    assertThat(legacy.received()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/public/..%2finternal/x", "/public/..%5Cinternal/x", "/../internal/x", "/a%zz",
      "/a\u0000b", "/a\u0001b", "/a\u007fb", "/a?q=\u0001", "/caf\u00e9", "/x?\u00ff"})
  void targetsAnUpstreamCouldReadOtherwiseAre400AndNeverForwarded(String target) throws Exception {
    start(r -> RecordingUpstream.OK);
    var r = send("GET " + target + " HTTP/1.1\r\nHost: h\r\n\r\n");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("X-Edge-Error")).isEqualTo("bad-request");
    assertThat(legacy.received()).isEmpty();
    assertThat(fresh.received()).isEmpty();
  }

  @Test
  void utf8BytesInTheTargetReachTheUpstreamExactlyAsReceived() throws Exception {
    start(r -> RecordingUpstream.OK);
    assertThat(send("GET /caf\u00c3\u00a9?q=\u00e2\u0082\u00ac HTTP/1.1\r\nHost: h\r\n\r\n").status()).isEqualTo(200);
    assertThat(legacy.received().get(0).line()).isEqualTo("GET /caf\u00c3\u00a9?q=\u00e2\u0082\u00ac HTTP/1.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nNoColonHere\r\n\r\nok",
      "HTTP/1.1 abc\r\nContent-Length: 2\r\n\r\nok",
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok"})
  void aMalformedUpstreamAnswerIs502AndItsConnectionIsDropped(String answer) throws Exception {
    start(r -> r.line().startsWith("GET /bad") ? ascii(answer) : RecordingUpstream.OK);
    var r = send("GET /bad HTTP/1.1\r\nHost: h\r\n\r\n");
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.header("X-Edge-Error")).isEqualTo("bad-upstream-response");
    assertThat(r.header("Content-Length")).isNotNull();
    assertThat(upstreamErrors).containsExactly("bad-upstream-response");
    assertThat(send("GET /good HTTP/1.1\r\nHost: h\r\n\r\n").status()).isEqualTo(200);
    assertThat(legacy.received().get(1).connection()).isNotEqualTo(legacy.received().get(0).connection());
  }

  @Test
  void aHeadThatWouldGrowPastTheLimitOnTheWayUpIsRefused() throws Exception {
    start(r -> RecordingUpstream.OK);
    StringBuilder head = new StringBuilder("GET /a HTTP/1.1\r\nHost: h\r\n");
    for (int i = 0; head.length() < 16_000; i++) {
      head.append('a').append(i).append(":1\r\n");
    }
    var r = send(head + "\r\n");
    assertThat(r.status()).isEqualTo(431);
    assertThat(legacy.received()).isEmpty();
  }

  @Test
  void aLargeHeadWithinTheLimitIsForwardedWithinTheLimit() throws Exception {
    start(r -> RecordingUpstream.OK);
    StringBuilder head = new StringBuilder("GET /a HTTP/1.1\r\nHost: h\r\n");
    for (int i = 0; head.length() < 14_000; i++) {
      head.append("X-Header-").append(i).append(": ").append("v".repeat(40)).append("\r\n");
    }
    assertThat(send(head + "\r\n").status()).isEqualTo(200);
    assertThat(legacy.received().get(0).bytes().length).isLessThanOrEqualTo(16 * 1024);
  }
}
