package dev.strangler.edge.proxy;

import static dev.strangler.edge.TestConfigs.config;
import static dev.strangler.edge.TestConfigs.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.RawClient.Response;
import dev.strangler.edge.TestUpstream;
import dev.strangler.routing.Side;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data plane's side of a drain, on a real edge and a real upstream: answers during the drain
 * carry {@code Connection: close} and close their connection, idle kept-alive connections close
 * when the listener does (or as soon as their exchange ends), a connection that has not sent a
 * request yet may send one, and new connections are refused.
 */
class DrainConnectionsTest {
  /** How long a connection that should close may take to be seen closed. */
  private static final int CLOSE_MILLIS = 3000;

  @TempDir Path dir;
  TestUpstream upstream;
  EdgeHarness edge;

  /** {@code /slow} answers after 500 ms; {@code /stream} sends its head and a chunk at once, the end after 500 ms. */
  @BeforeEach
  void start() throws Exception {
    upstream = TestUpstream.answering((req, ctx) -> {
      if (req.uri().startsWith("/slow")) {
        ctx.executor().schedule(() -> ctx.writeAndFlush(TestUpstream.response(HttpResponseStatus.OK, "legacy", "slow")),
            500, TimeUnit.MILLISECONDS);
      } else if (req.uri().startsWith("/stream")) {
        var head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        ctx.write(head);
        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("first ", StandardCharsets.US_ASCII)));
        ctx.executor().schedule(() -> ctx.writeAndFlush(
            new DefaultLastHttpContent(Unpooled.copiedBuffer("last", StandardCharsets.US_ASCII))),
            500, TimeUnit.MILLISECONDS);
      } else {
        ctx.writeAndFlush(TestUpstream.response(HttpResponseStatus.OK, "legacy", "ok"));
      }
    });
    edge = new EdgeHarness(config(dir, upstream.url(), upstream.url(), List.of(route("all", "/**", Side.LEGACY))));
  }

  @AfterEach
  void stop() {
    edge.close();
    upstream.close();
  }

  @Test
  void aKeptAliveConnectionGetsConnectionCloseOnItsAnswerDuringTheDrain() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      Response before = c.send(get("/a")).read(false);
      assertThat(before.status()).isEqualTo(200);
      assertThat(before.header("Connection")).isNull();

      edge.server().drain();

      Response during = c.send(get("/b")).read(false);
      assertThat(during.status()).isEqualTo(200);
      assertThat(during.bodyText()).isEqualTo("ok");
      assertThat(during.header("Connection")).isEqualTo("close");
      c.socket().setSoTimeout(CLOSE_MILLIS);
      assertThat(c.closedByPeer()).as("closed after the answer").isTrue();
    }
  }

  @Test
  void aRequestInFlightWhenTheDrainBeginsIsAnsweredThenItsConnectionClosesAndNewOnesAreRefused() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      c.send(get("/slow"));
      await(() -> upstream.received().size() == 1);

      edge.server().drain();
      edge.server().stopAccepting();

      assertThatThrownBy(() -> new Socket("127.0.0.1", edge.port()).close()).isInstanceOf(ConnectException.class);
      Response answer = c.read(false);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.bodyText()).isEqualTo("slow");
      assertThat(answer.header("Connection")).isEqualTo("close");
      c.socket().setSoTimeout(CLOSE_MILLIS);
      assertThat(c.closedByPeer()).isTrue();
    }
    await(() -> edge.server().openConnections() == 0);
  }

  @Test
  void anIdleKeptAliveConnectionClosesWhenTheListenerClosesWhileAnUnusedOneMaySendItsRequest() throws Exception {
    try (RawClient idle = new RawClient(edge.port()); RawClient unused = new RawClient(edge.port())) {
      assertThat(idle.send(get("/a")).read(false).status()).isEqualTo(200);
      await(() -> edge.server().openConnections() == 2);

      edge.server().drain();
      assertThat(edge.server().openConnections()).as("the drain alone closes nothing").isEqualTo(2);
      long start = System.nanoTime();
      edge.server().stopAccepting();

      idle.socket().setSoTimeout(CLOSE_MILLIS);
      assertThat(idle.closedByPeer()).as("the idle connection closes").isTrue();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
      Response first = unused.send(get("/b")).read(false);
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.header("Connection")).isEqualTo("close");
    }
    await(() -> edge.server().openConnections() == 0);
  }

  @Test
  void aConnectionWhoseAnswerBeganBeforeTheDrainClosesAsSoonAsItsExchangeEnds() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      c.send(get("/stream"));
      await(() -> upstream.received().size() == 1);
      Thread.sleep(100);

      edge.server().stopAccepting();

      Response answer = c.read(false);
      assertThat(answer.bodyText()).isEqualTo("first last");
      assertThat(answer.header("Connection")).as("the head left before the drain").isNull();
      c.socket().setSoTimeout(CLOSE_MILLIS);
      assertThat(c.closedByPeer()).as("closed once the exchange ended").isTrue();
    }
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n";
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
