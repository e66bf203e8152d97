package dev.strangler.edge.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.RecordingUpstream;
import dev.strangler.edge.TestConfigs;
import dev.strangler.routing.Side;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * An error the edge answers itself reaches the client although the client is still sending: the
 * edge lingers, reading and discarding, instead of closing into a reset (20 tries each).
 */
class LingeringCloseTest {
  @TempDir Path dir;
  RecordingUpstream upstream;
  EdgeHarness edge;

  @BeforeEach
  void start() throws Exception {
    upstream = RecordingUpstream.ok();
    edge = new EdgeHarness(TestConfigs.config(dir, upstream.url(), upstream.url(),
        List.of(TestConfigs.route("all", "/**", Side.LEGACY))));
  }

  @AfterEach
  void stop() throws Exception {
    edge.close();
    upstream.close();
  }

  @RepeatedTest(20)
  void a70KbHeaderGets431() throws Exception {
    assertThat(answerTo("GET /a HTTP/1.1\r\nHost: h\r\nX-Big: " + "b".repeat(70_000) + "\r\n\r\n", 0)).isEqualTo(431);
  }

  @RepeatedTest(20)
  void a300KbHeaderGets431() throws Exception {
    assertThat(answerTo("GET /a HTTP/1.1\r\nHost: h\r\nX-Big: " + "b".repeat(300_000) + "\r\n\r\n", 0)).isEqualTo(431);
  }

  @RepeatedTest(20)
  void aBodyOverTheLimitStillArrivingGets413() throws Exception {
    assertThat(answerTo("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 200000000\r\n\r\n", 8 << 20)).isEqualTo(413);
    assertThat(upstream.received()).isEmpty();
  }

  /** Sends the head and {@code bodyBytes} of body in full, and only then reads the answer. */
  private int answerTo(String head, int bodyBytes) throws Exception {
    try (RawClient c = new RawClient(edge.port())) {
      c.send(head);
      byte[] chunk = new byte[64 * 1024];
      for (int sent = 0; sent < bodyBytes; sent += chunk.length) {
        c.socket().getOutputStream().write(chunk);
      }
      return c.read(false).status();
    }
  }
}
