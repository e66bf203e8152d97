package dev.strangler.edge.proxy;

import static dev.strangler.edge.TestConfigs.config;
import static dev.strangler.edge.TestConfigs.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.TestUpstream;
import dev.strangler.routing.Side;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's "HTTP behaviour of the data plane", through real sockets against real upstreams. */
class HttpBehaviourTest {
  @TempDir Path dir;
  TestUpstream legacy;
  TestUpstream fresh;
  EdgeHarness edge;

  @BeforeEach
  void start() throws Exception {
    legacy =
        TestUpstream.answering(
            (req, ctx) -> {
              var res = TestUpstream.response(HttpResponseStatus.OK, "legacy", "legacy:" + req.uri());
              switch (req.uri()) {
                case "/cookies" -> res.headers()
                    .add("Set-Cookie", "a=1; Path=/")
                    .add("X-Other", "x")
                    .add("Set-Cookie", "b=2; Path=/")
                    .add("Set-Cookie", "c=3; Path=/");
                case "/hop" -> res.headers()
                    .add("Connection", "X-Upstream-Private")
                    .add("X-Upstream-Private", "secret")
                    .add("Keep-Alive", "timeout=5")
                    .add("Proxy-Authenticate", "Basic");
                case "/no-content" -> {
                  ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT));
                  return;
                }
                case "/not-modified" -> {
                  var nm = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED);
                  nm.headers().set(HttpHeaderNames.ETAG, "\"v1\"");
                  ctx.writeAndFlush(nm);
                  return;
                }
                default -> {}
              }
              ctx.writeAndFlush(res);
            });
    fresh = TestUpstream.text("new", "new");
    edge = new EdgeHarness(config(dir, legacy.url(), fresh.url(), List.of(route("all", "/**", Side.LEGACY))));
  }

  @AfterEach
  void stop() {
    edge.close();
    legacy.close();
    fresh.close();
  }

  @Test
  void forwardsToThePrimaryAndKeepsTheConnectionAlive() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      for (int i = 0; i < 3; i++) {
        var r = c.send("GET /a?i=" + i + " HTTP/1.1\r\nHost: shop.example\r\n\r\n").read(false);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("legacy:/a?i=" + i);
        assertThat(r.header("X-Served-By")).isEqualTo("legacy");
      }
    }
    assertThat(legacy.received()).hasSize(3);
    assertThat(fresh.received()).isEmpty();
  }

  @Test
  void stripsHopByHopHeadersBothWays() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      var r =
          c.send("GET /hop HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, X-Client-Private\r\n"
                  + "X-Client-Private: 1\r\nKeep-Alive: timeout=9\r\nTE: trailers\r\nProxy-Authorization: Basic eA==\r\n"
                  + "Trailer: X-T\r\nUpgrade: h2c\r\nX-End-To-End: yes\r\n\r\n")
              .read(false);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("X-Upstream-Private")).isNull();
      assertThat(r.header("Keep-Alive")).isNull();
      assertThat(r.header("Proxy-Authenticate")).isNull();
      assertThat(r.header("Connection")).isNull();
    }
    var seen = legacy.received().get(0).headers();
    for (String h : List.of("X-Client-Private", "Keep-Alive", "TE", "Proxy-Authorization", "Trailer", "Upgrade")) {
      assertThat(seen.contains(h)).as(h).isFalse();
    }
    assertThat(seen.get("X-End-To-End")).isEqualTo("yes");
  }

  @Test
  void appendsForwardingHeadersAndVia() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      c.send("GET /f HTTP/1.1\r\nHost: shop.example:8080\r\nX-Forwarded-For: 203.0.113.9\r\nVia: 1.0 cdn\r\n\r\n")
          .read(false);
    }
    var seen = legacy.received().get(0).headers();
    assertThat(seen.get("X-Forwarded-For")).isEqualTo("203.0.113.9, 127.0.0.1");
    assertThat(seen.get("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seen.get("X-Forwarded-Host")).isEqualTo("shop.example:8080");
    assertThat(seen.get("Via")).isEqualTo("1.0 cdn, 1.1 strangler-edge");
    assertThat(seen.get("Host")).isEqualTo("shop.example:8080");
  }

  @Test
  void keepsRepeatedSetCookieInOrder() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      var r = c.send("GET /cookies HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
      assertThat(r.all("Set-Cookie")).containsExactly("a=1; Path=/", "b=2; Path=/", "c=3; Path=/");
      assertThat(r.header("Via")).isEqualTo("1.1 strangler-edge");
    }
  }

  @Test
  void headNoContentAndNotModifiedCarryNoBody() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      var head = c.send("HEAD /page HTTP/1.1\r\nHost: h\r\n\r\n").read(true);
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Content-Length")).isEqualTo(String.valueOf("legacy:/page".length()));
      var noContent = c.send("GET /no-content HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
      assertThat(noContent.status()).isEqualTo(204);
      var notModified = c.send("GET /not-modified HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(notModified.header("ETag")).isEqualTo("\"v1\"");
      var after = c.send("GET /after HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
      assertThat(after.bodyText()).as("no stray body bytes desynchronised the connection").isEqualTo("legacy:/after");
    }
  }

  @Test
  void requestIdIsKeptOrAssigned() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      var kept = c.send("GET /r HTTP/1.1\r\nHost: h\r\nX-Request-Id: abc-123\r\n\r\n").read(false);
      assertThat(kept.header("X-Request-Id")).isEqualTo("abc-123");
      var assigned = c.send("GET /r HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
      assertThat(assigned.header("X-Request-Id")).matches("[0-9a-f]{32}");
    }
    assertThat(legacy.received().get(0).headers().get("X-Request-Id")).isEqualTo("abc-123");
    assertThat(legacy.received().get(1).headers().get("X-Request-Id")).matches("[0-9a-f]{32}");
  }

  @Test
  void expectContinueIsAnsweredBeforeTheBodyIsSent() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      c.send("POST /upload HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
      var cont = c.read(false);
      assertThat(cont.status()).isEqualTo(100);
      var r = c.send("hello").read(false);
      assertThat(r.status()).isEqualTo(200);
    }
    assertThat(legacy.received().get(0).bodyText()).isEqualTo("hello");
    assertThat(legacy.received().get(0).headers().contains("Expect")).isFalse();
  }

  @Test
  void expectContinueWithATooLargeBodyIs413WithoutReadingIt() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      var r = c.send("POST /upload HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999\r\nExpect: 100-continue\r\n\r\n")
          .read(false);
      assertThat(r.status()).isEqualTo(413);
      assertThat(r.header("X-Edge-Error")).isEqualTo("body-too-large");
    }
    assertThat(legacy.received()).isEmpty();
  }

  @Test
  void chunkedRequestBodyAndTrailersAreForwarded() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      var r = c.send("POST /chunks HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + "5\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc\r\n\r\n")
              .read(false);
      assertThat(r.status()).isEqualTo(200);
    }
    var seen = legacy.received().get(0);
    assertThat(seen.bodyText()).isEqualTo("hello world");
    assertThat(seen.trailers().get("X-Checksum")).isEqualTo("abc");
  }
}
