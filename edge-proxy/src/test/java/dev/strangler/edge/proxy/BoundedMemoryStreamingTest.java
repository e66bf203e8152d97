package dev.strangler.edge.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.TestUpstream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB response and a 256 MiB upload stream through an edge whose JVM has a 128 MiB heap:
 * bodies are never buffered whole. The edge runs as a separate process, as in production.
 */
class BoundedMemoryStreamingTest {
  static final long GIB = 1L << 30;
  static final long UPLOAD = 256L << 20;
  static final int BLOCK = 64 * 1024;

  @TempDir Path dir;

  /** Answers a bodyless request with 1 GiB and an upload with the count of bytes it received. */
  static TestUpstream bigUpstream() throws InterruptedException {
    ByteBuf block = Unpooled.unreleasableBuffer(Unpooled.directBuffer(BLOCK).writeZero(BLOCK));
    return TestUpstream.custom(() -> new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpServerCodec()).addLast(new SimpleChannelInboundHandler<HttpObject>() {
          long received;
          long toSend;

          @Override
          protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpRequest) {
              received = 0;
            }
            if (msg instanceof HttpContent c) {
              received += c.content().readableBytes();
            }
            if (msg instanceof LastHttpContent) {
              var res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
              toSend = received > 0 ? 0 : GIB;
              res.headers().set("X-Received", received);
              HttpUtil.setContentLength(res, toSend);
              ctx.write(res);
              pump(ctx);
            }
          }

          @Override
          public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            pump(ctx);
          }

          private void pump(ChannelHandlerContext ctx) {
            while (toSend > 0 && ctx.channel().isWritable()) {
              int n = (int) Math.min(BLOCK, toSend);
              toSend -= n;
              ctx.write(new DefaultHttpContent(block.retainedSlice(0, n)));
            }
            if (toSend == 0) {
              toSend = -1;
              ctx.write(LastHttpContent.EMPTY_LAST_CONTENT);
            }
            ctx.flush();
          }
        });
      }
    });
  }

  @Test
  void gigabyteResponseAndQuarterGigabyteUploadWithA128MiBHeap() throws Exception {
    try (TestUpstream upstream = bigUpstream()) {
      int port;
      try (var s = new java.net.ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Path config = dir.resolve("routes.yaml");
      Files.writeString(config, """
          listen: 127.0.0.1:%d
          admin: {listen: 127.0.0.1:0, token: test}
          state: {dir: ./state}
          limits: {max-request-body: 300MiB}
          upstreams:
            legacy: {targets: ["%s"]}
            new: {targets: ["%s"]}
          routes:
            - id: all
              match: {path: "/**"}
              primary: legacy
          """.formatted(port, upstream.url(), upstream.url()));
      Process edge = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx128m", "-XX:+ExitOnOutOfMemoryError",
              "-cp", System.getProperty("java.class.path"),
              "dev.strangler.edge.Main", "--config", config.toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("edge.log").toFile())
          .start();
      try {
        awaitPort(port);
        try (Socket c = new Socket("127.0.0.1", port)) {
          c.getOutputStream().write("GET /big HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          InputStream in = c.getInputStream();
          Map<String, String> head = readHead(in);
          assertThat(head.get(":status")).isEqualTo("200");
          assertThat(head.get("content-length")).isEqualTo(String.valueOf(GIB));
          assertThat(drain(in, GIB)).isEqualTo(GIB);

          OutputStream out = c.getOutputStream();
          out.write(("POST /upload HTTP/1.1\r\nHost: h\r\nContent-Length: " + UPLOAD + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          byte[] block = new byte[BLOCK];
          for (long sent = 0; sent < UPLOAD; sent += BLOCK) {
            out.write(block);
          }
          out.flush();
          Map<String, String> up = readHead(in);
          assertThat(up.get(":status")).isEqualTo("200");
          assertThat(up.get("x-received")).isEqualTo(String.valueOf(UPLOAD));
        }
        assertThat(edge.isAlive()).as("edge survived with -Xmx128m").isTrue();
      } finally {
        edge.destroy();
        edge.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static void awaitPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("edge did not start on port " + port);
  }

  /** Reads a response head into lower-case names, the status under ":status". */
  private static Map<String, String> readHead(InputStream in) throws IOException {
    Map<String, String> h = new HashMap<>();
    String status = line(in);
    h.put(":status", status.split(" ")[1]);
    for (String l = line(in); !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      h.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    return h;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("closed");
      }
      if (b != '\r') {
        sb.append((char) b);
      }
    }
    return sb.toString();
  }

  private static long drain(InputStream in, long n) throws IOException {
    byte[] buf = new byte[BLOCK];
    long got = 0;
    while (got < n) {
      int k = in.read(buf, 0, (int) Math.min(buf.length, n - got));
      if (k < 0) {
        break;
      }
      got += k;
    }
    return got;
  }
}
