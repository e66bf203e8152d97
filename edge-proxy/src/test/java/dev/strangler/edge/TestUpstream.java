package dev.strangler.edge;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** A real Netty HTTP server standing in for legacy or new in tests. */
public final class TestUpstream implements AutoCloseable {
  /** What the upstream received, and on which connection. */
  public record Received(
      String method, String uri, HttpHeaders headers, byte[] body, HttpHeaders trailers, String connection) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Channel channel;

  private TestUpstream(Supplier<ChannelHandler> pipeline) throws InterruptedException {
    channel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(pipeline.get());
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .sync()
            .channel();
  }

  /**
   * An upstream that aggregates each request, records it and lets {@code answer} respond. Like
   * most servers it takes pipelined requests of a connection one at a time: the next is handed
   * to {@code answer} once the previous answer is written, so answers keep request order.
   */
  public static TestUpstream answering(BiConsumer<FullHttpRequest, ChannelHandlerContext> answer)
      throws InterruptedException {
    TestUpstream[] self = new TestUpstream[1];
    self[0] =
        new TestUpstream(
            () ->
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(64 * 1024 * 1024))
                        .addLast(new OneAtATime())
                        .addLast(
                            new SimpleChannelInboundHandler<FullHttpRequest>() {
                              @Override
                              protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                                byte[] body = new byte[req.content().readableBytes()];
                                req.content().getBytes(req.content().readerIndex(), body);
                                self[0].received.add(
                                    new Received(req.method().name(), req.uri(), req.headers().copy(), body,
                                        req.trailingHeaders().copy(), ctx.channel().id().asLongText()));
                                answer.accept(req, ctx);
                              }
                            });
                  }
                });
    return self[0];
  }

  /**
   * Holds each request of a connection back until the answer to the one before is written; after
   * an answer that says {@code Connection: close} it takes no more.
   */
  private static final class OneAtATime extends ChannelDuplexHandler {
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private boolean answering;
    private boolean closing;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (answering) {
        held.add(msg);
      } else {
        answering = true;
        ctx.fireChannelRead(msg);
      }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      boolean last = msg instanceof LastHttpContent;
      closing |= msg instanceof HttpResponse res && !HttpUtil.isKeepAlive(res);
      ctx.write(msg, promise);
      if (last && !closing) {
        answering = false;
        Object next = held.poll();
        if (next != null) {
          ctx.flush();
          answering = true;
          ctx.fireChannelRead(next);
        }
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      held.forEach(ReferenceCountUtil::release);
      held.clear();
      ctx.fireChannelInactive();
    }
  }

  /** An upstream that answers 200 with {@code text} and names itself in {@code X-Served-By}. */
  public static TestUpstream text(String servedBy, String text) throws InterruptedException {
    return answering((req, ctx) -> ctx.writeAndFlush(response(HttpResponseStatus.OK, servedBy, text)));
  }

  /** An upstream with a hand-made pipeline (streaming, WebSocket, misbehaviour). */
  public static TestUpstream custom(Supplier<ChannelHandler> pipeline) throws InterruptedException {
    return new TestUpstream(pipeline);
  }

  /** A small full response. */
  public static FullHttpResponse response(HttpResponseStatus status, String servedBy, String text) {
    ByteBuf body = io.netty.buffer.Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    res.headers().set("X-Served-By", servedBy).set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
    HttpUtil.setContentLength(res, body.readableBytes());
    return res;
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public List<Received> received() {
    return received;
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
