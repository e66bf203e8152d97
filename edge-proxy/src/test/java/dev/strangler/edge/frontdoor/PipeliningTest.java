package dev.strangler.edge.frontdoor;

import static dev.strangler.edge.RecordingUpstream.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.RecordingUpstream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pipelined requests, however many arrive in one write, are all answered, in order. */
class PipeliningTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {40, 200, 1000})
  void everyPipelinedRequestIsAnsweredInOrder(int requests) throws Exception {
    try (RecordingUpstream upstream = new RecordingUpstream(PipeliningTest::echoPath);
        EdgeHarness edge = new EdgeHarness(behind(upstream));
        RawClient c = new RawClient(edge.port())) {
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < requests; i++) {
        burst.append("GET /p/").append(i).append(" HTTP/1.1\r\nHost: h\r\n\r\n");
      }
      c.send(burst.toString());
      for (int i = 0; i < requests; i++) {
        var r = c.read(false);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("/p/" + i);
      }
      assertThat(upstream.received()).hasSize(requests);
    }
  }

  @Test
  void pipelinedRequestsWithBodiesKeepTheirOrderAndBodies() throws Exception {
    try (RecordingUpstream upstream = new RecordingUpstream(PipeliningTest::echoPath);
        EdgeHarness edge = new EdgeHarness(behind(upstream));
        RawClient c = new RawClient(edge.port())) {
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        String body = "body-" + i;
        burst.append("POST /p/").append(i).append(" HTTP/1.1\r\nHost: h\r\nContent-Length: ")
            .append(body.length()).append("\r\n\r\n").append(body);
      }
      c.send(burst.toString());
      for (int i = 0; i < 100; i++) {
        assertThat(c.read(false).bodyText()).isEqualTo("/p/" + i);
        assertThat(upstream.received().get(i).text()).endsWith("\r\n\r\nbody-" + i);
      }
    }
  }

  private static byte[] echoPath(RecordingUpstream.Request r) {
    String path = r.line().split(" ")[1];
    return ascii("HTTP/1.1 200 OK\r\nContent-Length: " + path.length() + "\r\n\r\n" + path);
  }

  private dev.strangler.config.EdgeConfig behind(RecordingUpstream upstream) {
    return dev.strangler.edge.TestConfigs.config(dir, upstream.url(), upstream.url(),
        java.util.List.of(dev.strangler.edge.TestConfigs.route("all", "/**", dev.strangler.routing.Side.LEGACY)));
  }
}
