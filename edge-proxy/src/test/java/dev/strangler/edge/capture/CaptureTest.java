package dev.strangler.edge.capture;

import static dev.strangler.edge.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.capture.CaptureJson;
import dev.strangler.capture.CaptureLine;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.CoreSpec;
import dev.strangler.config.EdgeConfig;
import dev.strangler.config.MaskConfig;
import dev.strangler.config.MatchConfig;
import dev.strangler.config.RecordConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.config.ShadowConfig;
import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.TestConfigs;
import dev.strangler.edge.TestUpstream;
import dev.strangler.routing.Side;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sampled exchanges land in gzip capture files, with the shadow's answer, secrets masked, bodies capped. */
class CaptureTest {
  @TempDir Path dir;

  @Test
  void recordsExchangesWithTheShadowMaskedAndCapped() throws Exception {
    try (TestUpstream legacy = TestUpstream.answering((req, ctx) -> {
          String body = req.uri().startsWith("/big") ? "{\"blob\":\"" + "x".repeat(300) + "\"}"
              : "{\"user\":\"ada\",\"password\":\"hunter2\"}";
          var res = TestUpstream.response(HttpResponseStatus.OK, "legacy", body);
          res.headers().set("Content-Type", "application/json").add("Set-Cookie", "sid=s3cret").add("Set-Cookie", "x=1");
          ctx.writeAndFlush(res);
        });
        TestUpstream fresh = TestUpstream.answering((req, ctx) -> {
          var res = TestUpstream.response(HttpResponseStatus.OK, "new", "{\"user\":\"ada\",\"password\":\"hunter2\"}");
          res.headers().set("Content-Type", "application/json");
          ctx.writeAndFlush(res);
        })) {
      var route = new RouteConfig("acct", new MatchConfig("/**", Set.of(), null), Side.LEGACY,
          new ShadowConfig(true, 1.0, Set.of("GET"), Duration.ofSeconds(5), 200, false, 256),
          Map.of(Side.LEGACY, new CoreSpec.Json(""), Side.NEW, new CoreSpec.Json("")),
          CompareConfig.lenient(), new RecordConfig(1.0), TestConfigs.TIMEOUTS, 1);
      EdgeConfig base = config(dir, legacy.url(), fresh.url(), List.of(route));
      EdgeConfig cfg = new EdgeConfig(base.source(), base.listen(), base.admin(), base.state(), base.upstreams(),
          base.defaults(), base.limits(), base.routes(),
          new MaskConfig(Set.of("X-Api-Key"), Set.of("token"), List.of("$.password")));
      try (EdgeHarness edge = new EdgeHarness(cfg); RawClient c = new RawClient(edge.port())) {
        c.send("GET /me?token=abc&page=2 HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer t0p\r\n"
            + "Cookie: sid=s3cret\r\nX-Api-Key: k3y\r\n\r\n").read(false);
        c.send("GET /big HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
        c.send("POST /form HTTP/1.1\r\nHost: h\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello").read(false);
        awaitLines(edge, 3);
        List<CaptureLine> lines = read(dir.resolve("captures"));
        // read while the edge still runs: every written batch is a complete gzip member
        assertThat(lines).hasSize(3);

        CaptureLine me = lines.stream().filter(l -> l.request().uri().startsWith("/me")).findFirst().orElseThrow();
        assertThat(me.route()).isEqualTo("acct");
        assertThat(me.servedBy()).isEqualTo(Side.LEGACY);
        assertThat(me.request().uri()).doesNotContain("abc").contains("page=2");
        assertThat(me.request().header("Authorization")).isEqualTo("***");
        assertThat(me.request().header("Cookie")).isEqualTo("***");
        assertThat(me.request().header("X-Api-Key")).isEqualTo("***");
        assertThat(me.response().headerValues("Set-Cookie")).containsExactly("***", "***");
        String body = new String(me.response().body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"user\":\"ada\"").doesNotContain("hunter2");
        assertThat(me.shadow()).isNotNull();
        assertThat(me.shadow().side()).isEqualTo(Side.NEW);
        assertThat(new String(me.shadow().response().body(), StandardCharsets.UTF_8)).doesNotContain("hunter2");

        CaptureLine big = lines.stream().filter(l -> l.request().uri().equals("/big")).findFirst().orElseThrow();
        assertThat(big.response().body()).hasSize(200);
        assertThat(big.response().header("X-Edge-Truncated")).hasValue("true");

        CaptureLine post = lines.stream().filter(l -> l.request().method().equals("POST")).findFirst().orElseThrow();
        assertThat(new String(post.request().body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(post.shadow()).as("writes are recorded but not mirrored").isNull();
        assertThat(edge.captures().dropped()).isZero();
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          if (p.toString().endsWith(".gz")) {
            String all = readGz(p);
            assertThat(all).doesNotContain("hunter2").doesNotContain("s3cret").doesNotContain("t0p").doesNotContain("k3y");
          }
        }
      }
    }
  }

  private static void awaitLines(EdgeHarness edge, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (edge.captures().written() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(edge.captures().written()).isEqualTo(n);
  }

  private static List<CaptureLine> read(Path captures) throws Exception {
    List<CaptureLine> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(captures)) {
      for (Path p : files.sorted().toList()) {
        for (String line : readGz(p).split("\n")) {
          if (!line.isBlank()) {
            out.add(CaptureJson.read(line));
          }
        }
      }
    }
    return out;
  }

  private static String readGz(Path p) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    try (var in = new GZIPInputStream(Files.newInputStream(p))) {
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
