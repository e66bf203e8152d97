package dev.strangler.edge.proxy;

import static dev.strangler.edge.TestConfigs.config;
import static dev.strangler.edge.TestConfigs.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.Timeouts;
import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.TestUpstream;
import dev.strangler.routing.Side;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream failures become 502/504 with a JSON body and a reason; the edge never hangs a client. */
class UpstreamFailureTest {
  @TempDir Path dir;

  @Test
  void connectFailureIs502() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (TestUpstream fresh = TestUpstream.text("new", "ok");
        EdgeHarness edge = new EdgeHarness(config(dir, "http://127.0.0.1:" + closedPort, fresh.url(),
            List.of(route("all", "/**", Side.LEGACY))));
        RawClient c = new RawClient(edge.port())) {
      var r = c.send("GET /x HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
      assertThat(r.status()).isEqualTo(502);
      assertThat(r.header("X-Edge-Error")).isEqualTo("upstream-connect-failed");
      assertThat(r.header("Content-Type")).isEqualTo("application/json");
      assertThat(r.bodyText()).contains("\"status\":502").contains("\"request_id\":\"" + r.header("X-Request-Id") + "\"");
      var again = c.send("GET /x HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
      assertThat(again.status()).as("connection still usable after a 502").isEqualTo(502);
    }
  }

  @Test
  void slowUpstreamIs504AfterTheResponseTimeout() throws Exception {
    try (TestUpstream silent = TestUpstream.answering((req, ctx) -> {});
        TestUpstream fresh = TestUpstream.text("new", "ok");
        EdgeHarness edge = new EdgeHarness(config(dir, silent.url(), fresh.url(),
            List.of(route("all", "/**", Side.LEGACY,
                new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(60))))));
        RawClient c = new RawClient(edge.port())) {
      var r = c.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
      assertThat(r.status()).isEqualTo(504);
      assertThat(r.header("X-Edge-Error")).isEqualTo("upstream-timeout");
      assertThat(r.bodyText()).contains("\"error\":\"upstream-timeout\"");
    }
  }

  @Test
  void upstreamClosingWithoutAnswerIs502Reset() throws Exception {
    try (TestUpstream rude = TestUpstream.answering((req, ctx) -> ctx.close());
        TestUpstream fresh = TestUpstream.text("new", "ok");
        EdgeHarness edge = new EdgeHarness(config(dir, rude.url(), fresh.url(),
            List.of(route("all", "/**", Side.LEGACY))));
        RawClient c = new RawClient(edge.port())) {
      var r = c.send("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi").read(false);
      assertThat(r.status()).isEqualTo(502);
      assertThat(r.header("X-Edge-Error")).isEqualTo("upstream-reset");
    }
  }

  @Test
  void roundRobinSkipsAnEjectedTarget() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (TestUpstream good = TestUpstream.text("legacy", "good");
        TestUpstream fresh = TestUpstream.text("new", "ok")) {
      var base = config(dir, good.url(), fresh.url(), List.of(route("all", "/**", Side.LEGACY)));
      var upstreams = new java.util.HashMap<>(base.upstreams());
      upstreams.put("legacy", dev.strangler.edge.TestConfigs.upstream("legacy", good.url(), "http://127.0.0.1:" + closedPort));
      var cfg = new dev.strangler.config.EdgeConfig(base.source(), base.listen(), base.admin(), base.state(),
          upstreams, base.defaults(), base.limits(), base.routes(), base.mask());
      try (EdgeHarness edge = new EdgeHarness(cfg); RawClient c = new RawClient(edge.port())) {
        for (int i = 0; i < 20; i++) {
          var r = c.send("GET /x HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
          assertThat(r.status()).as("request %d", i).isEqualTo(200);
        }
      }
      assertThat(good.received()).hasSize(20);
    }
  }
}
