package dev.strangler.edge.proxy;

import static dev.strangler.edge.TestConfigs.config;
import static dev.strangler.edge.TestConfigs.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.TestUpstream;
import dev.strangler.routing.Side;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunked responses with trailers, close-delimited bodies and WebSocket pass-through. */
class StreamingTest {
  @TempDir Path dir;

  @Test
  void chunkedResponseWithTrailersIsRelayed() throws Exception {
    try (TestUpstream legacy = TestUpstream.custom(() -> new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec()).addLast(new SimpleChannelInboundHandler<HttpRequest>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, HttpRequest req) {
                var res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                HttpUtil.setTransferEncodingChunked(res, true);
                res.headers().add("Trailer", "X-Digest");
                ctx.write(res);
                ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer("part1-", StandardCharsets.UTF_8)));
                ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer("part2", StandardCharsets.UTF_8)));
                var last = new DefaultLastHttpContent();
                last.trailingHeaders().add("X-Digest", "d1");
                ctx.writeAndFlush(last);
              }
            });
          }
        });
        TestUpstream fresh = TestUpstream.text("new", "ok");
        EdgeHarness edge = new EdgeHarness(config(dir, legacy.url(), fresh.url(), List.of(route("all", "/**", Side.LEGACY))));
        RawClient c = new RawClient(edge.port())) {
      var r = c.send("GET /stream HTTP/1.1\r\nHost: h\r\nTE: trailers\r\n\r\n").read(false);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(r.bodyText()).isEqualTo("part1-part2");
      assertThat(r.header("trailer:X-Digest")).isEqualTo("d1");
    }
  }

  @Test
  void closeDelimitedUpstreamBodyIsRechunkedForTheClient() throws Exception {
    try (TestUpstream legacy = TestUpstream.custom(() -> new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec()).addLast(new SimpleChannelInboundHandler<HttpRequest>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, HttpRequest req) {
                ctx.write(new DefaultHttpResponse(HttpVersion.HTTP_1_0, HttpResponseStatus.OK));
                ctx.writeAndFlush(Unpooled.copiedBuffer("until-close", StandardCharsets.UTF_8))
                    .addListener(f -> ctx.close());
              }
            });
          }
        });
        TestUpstream fresh = TestUpstream.text("new", "ok");
        EdgeHarness edge = new EdgeHarness(config(dir, legacy.url(), fresh.url(), List.of(route("all", "/**", Side.LEGACY))));
        RawClient c = new RawClient(edge.port())) {
      var r = c.send("GET /old HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
      assertThat(r.bodyText()).isEqualTo("until-close");
      assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
      var second = c.send("GET /old HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
      assertThat(second.bodyText()).as("client connection survives").isEqualTo("until-close");
    }
  }

  @Test
  void webSocketEchoPassesThroughToThePrimary() throws Exception {
    try (TestUpstream legacy = TestUpstream.custom(() -> new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new HttpObjectAggregator(65536))
                .addLast(new WebSocketServerProtocolHandler("/ws"))
                .addLast(new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame f) {
                    ctx.writeAndFlush(new TextWebSocketFrame("echo:" + f.text()));
                  }
                });
          }
        });
        TestUpstream fresh = TestUpstream.text("new", "ok");
        EdgeHarness edge = new EdgeHarness(config(dir, legacy.url(), fresh.url(), List.of(route("all", "/**", Side.LEGACY))))) {
      var got = new LinkedBlockingQueue<String>();
      WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + edge.port() + "/ws"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
              got.add(data.toString());
              w.request(1);
              return CompletableFuture.completedFuture(null);
            }
          })
          .get(10, TimeUnit.SECONDS);
      ws.sendText("hello", true).get(10, TimeUnit.SECONDS);
      assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("echo:hello");
      ws.sendText("again", true).get(10, TimeUnit.SECONDS);
      assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("echo:again");
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
      assertThat(fresh.received()).as("upgrades are never mirrored or sent to the other side").isEmpty();
    }
  }
}
