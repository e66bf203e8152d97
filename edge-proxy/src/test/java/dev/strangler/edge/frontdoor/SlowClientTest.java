package dev.strangler.edge.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.Limits;
import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.RecordingUpstream;
import dev.strangler.edge.TestConfigs;
import dev.strangler.routing.Side;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris: hundreds of connections trickling a request head a byte at a time get 408 and are
 * closed once the head timeout passes, while a normal client keeps being answered; a connection
 * that sends nothing is closed silently.
 */
class SlowClientTest {
  private static final int TRICKLERS = 300;

  @TempDir Path dir;

  @Test
  void tricklingHeadsGet408AfterTheHeadTimeoutWhileOthersAreServed() throws Exception {
    try (RecordingUpstream upstream = RecordingUpstream.ok(); EdgeHarness edge = new EdgeHarness(config(upstream))) {
      List<Socket> tricklers = new ArrayList<>();
      for (int i = 0; i < TRICKLERS; i++) {
        Socket s = new Socket("127.0.0.1", edge.port());
        s.setSoTimeout(15_000);
        s.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: h\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        tricklers.add(s);
      }
      long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
      int served = 0;
      while (System.nanoTime() < until) {
        for (Socket s : tricklers) {
          trickle(s);
        }
        try (RawClient c = new RawClient(edge.port())) {
          c.socket().setSoTimeout(5_000);
          assertThat(c.send("GET /fast HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
          served++;
        }
        Thread.sleep(100);
      }
      assertThat(served).isGreaterThan(3);
      for (Socket s : tricklers) {
        assertThat(firstLine(s)).startsWith("HTTP/1.1 408");
        s.close();
      }
      assertThat(upstream.received()).allMatch(r -> r.line().startsWith("GET /fast"));
    }
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAfterTheHeadTimeout() throws Exception {
    try (RecordingUpstream upstream = RecordingUpstream.ok(); EdgeHarness edge = new EdgeHarness(config(upstream));
        Socket s = new Socket("127.0.0.1", edge.port())) {
      s.setSoTimeout(10_000);
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }

  private static void trickle(Socket s) {
    try {
      s.getOutputStream().write('x');
    } catch (IOException e) {
      // closed by the edge: read below
    }
  }

  private static String firstLine(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\r'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString();
  }

  private dev.strangler.config.EdgeConfig config(RecordingUpstream upstream) {
    var c = TestConfigs.config(dir, upstream.url(), upstream.url(), List.of(TestConfigs.route("all", "/**", Side.LEGACY)));
    return TestConfigs.withLimits(c, new Limits(8 * 1024, 16 * 1024, 1024 * 1024, Duration.ofSeconds(1)));
  }
}
