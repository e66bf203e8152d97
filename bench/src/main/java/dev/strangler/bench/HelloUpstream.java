package dev.strangler.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A minimal keep-alive HTTP/1.1 upstream for proxy benchmarks: every request gets the same 200
 * body. Usage: {@code HelloUpstream [--host 127.0.0.1] [--port 0] [--threads 1] [--json |
 * --body-file FILE] [--delay MILLIS]}: a small text body by default, {@link #JSON_BODY} with
 * {@code --json}, the bytes of FILE as {@code application/json} with {@code --body-file}; each
 * answer after MILLIS with {@code --delay} (scheduled on the event loop). Prints {@code
 * hello-upstream listening on http://HOST:PORT} once bound, then runs until killed.
 */
public final class HelloUpstream {
  /** The body answered with {@code --json}. */
  public static final String JSON_BODY = "{\"greeting\":\"Hello from upstream\",\"count\":1}";

  private static final String TEXT_BODY = "Hello from upstream\n";

  private HelloUpstream() {}

  public static void main(String[] args) throws InterruptedException, IOException {
    String host = option(args, "--host", "127.0.0.1");
    int port = Integer.parseInt(option(args, "--port", "0"));
    int threads = Integer.parseInt(option(args, "--threads", "1"));
    long delayMillis = Long.parseLong(option(args, "--delay", "0"));
    String bodyFile = option(args, "--body-file", null);
    boolean json = bodyFile != null || Arrays.asList(args).contains("--json");
    byte[] bytes =
        bodyFile != null
            ? Files.readAllBytes(Path.of(bodyFile))
            : (json ? JSON_BODY : TEXT_BODY).getBytes(StandardCharsets.UTF_8);
    ByteBuf body = Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
    CharSequence contentType = json ? HttpHeaderValues.APPLICATION_JSON : HttpHeaderValues.TEXT_PLAIN;
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channel =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
    try {
      Channel server =
          new ServerBootstrap()
              .group(group)
              .channel(channel)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .option(ChannelOption.SO_REUSEADDR, true)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                      ch.pipeline()
                          .addLast(new HttpServerCodec())
                          .addLast(new HttpServerKeepAliveHandler())
                          .addLast(new HelloHandler(body, contentType, delayMillis));
                    }
                  })
              .bind(host, port)
              .sync()
              .channel();
      InetSocketAddress bound = (InetSocketAddress) server.localAddress();
      System.out.println("hello-upstream listening on http://" + host + ":" + bound.getPort()
          + " (" + (epoll ? "epoll" : "nio") + ", " + threads + " threads, "
          + bytes.length + "-byte " + contentType + " body, delay " + delayMillis + " ms)");
      System.out.flush();
      server.closeFuture().sync();
    } finally {
      group.shutdownGracefully();
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
