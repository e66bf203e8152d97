package dev.strangler.edge.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.RawUpstream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a 101 the edge relays raw bytes both ways: what the upstream sent right behind the 101,
 * an echo far larger than any buffer (so backpressure holds each side back), and a close on
 * either side reaching the other.
 */
class UpgradeRelayTest {
  static final String UPGRADE = "GET /chat HTTP/1.1\r\nHost: h\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n";
  static final String WELCOME = "welcome\n";
  static final int VOLUME = 8 << 20;

  @TempDir Path dir;
  final CountDownLatch upstreamSawEof = new CountDownLatch(1);
  @AutoClose final RawUpstream upstream = new RawUpstream(this::converse);
  @AutoClose EdgeHarness edge;

  @BeforeEach
  void start() throws Exception {
    edge = upstream.behind(dir);
  }

  /** Agrees to the upgrade with a greeting in the same write, echoes {@link #VOLUME} bytes, then closes. */
  private void converse(Socket s, int connection) throws Exception {
    InputStream in = s.getInputStream();
    RawUpstream.read(in);
    RawUpstream.write(s, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n" + WELCOME);
    OutputStream out = s.getOutputStream();
    byte[] buf = new byte[16 * 1024];
    long echoed = 0;
    for (int n; echoed < VOLUME && (n = in.read(buf)) > 0; echoed += n) {
      out.write(buf, 0, n);
    }
    if (echoed < VOLUME) {
      upstreamSawEof.countDown();
    }
  }

  @Test
  void bytesBehindThe101AndALargeEchoPassAndTheUpstreamCloseReachesTheClient() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      var switched = c.send(UPGRADE).read(false);
      assertThat(switched.status()).isEqualTo(101);
      assertThat(switched.header("Upgrade")).isEqualTo("echo");
      InputStream in = c.socket().getInputStream();
      assertThat(new String(in.readNBytes(WELCOME.length()), StandardCharsets.US_ASCII)).isEqualTo(WELCOME);

      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try {
          byte[] block = new byte[64 * 1024];
          for (int i = 0; i < VOLUME / block.length; i++) {
            block[0] = (byte) i;
            c.socket().getOutputStream().write(block);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      byte[] echo = in.readNBytes(VOLUME);
      writer.get(30, TimeUnit.SECONDS);
      assertThat(echo).hasSize(VOLUME);
      assertThat(echo[VOLUME - 64 * 1024]).isEqualTo((byte) (VOLUME / (64 * 1024) - 1));
      assertThat(in.read()).as("the upstream's close reaches the client").isEqualTo(-1);
    }
  }

  @Test
  void theClientCloseReachesTheUpstream() throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      assertThat(c.send(UPGRADE).read(false).status()).isEqualTo(101);
      c.socket().getInputStream().readNBytes(WELCOME.length());
    }
    assertThat(upstreamSawEof.await(10, TimeUnit.SECONDS)).isTrue();
  }
}
