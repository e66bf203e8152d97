package dev.strangler.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.strangler.capture.CaptureJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay run --noise-sample} learns noise as the edge does and reports it; {@code replay
 * suggest} finds the same from stored records, without network.
 */
class NoiseReplayTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int REQUESTS = 120;
  final AtomicLong tick = new AtomicLong();
  HttpServer legacy;
  HttpServer fresh;

  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    legacy = server(false);
    fresh = server(true);
  }

  @AfterEach
  void stop() {
    legacy.stop(0);
    fresh.stop(0);
  }

  /** A fresh UUID and timestamp on every answer; the new side's total is wrong on /buggy. */
  private HttpServer server(boolean newSide) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    s.createContext("/", ex -> {
      boolean bug = newSide && ex.getRequestURI().getPath().startsWith("/buggy");
      byte[] body = ("{\"id\":\"" + UUID.randomUUID() + "\",\"at\":\"" + Instant.now().plusNanos(tick.incrementAndGet())
          + "\",\"total\":" + (bug ? 11 : 10) + "}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    s.start();
    return s;
  }

  private Path config() throws IOException {
    return Files.writeString(dir.resolve("routes.yaml"), """
        listen: 127.0.0.1:0
        upstreams:
          legacy: {targets: ["http://127.0.0.1:%d"]}
          new: {targets: ["http://127.0.0.1:%d"]}
        defaults: {shadow: {noise: {min-observations: 20}}}
        routes:
          - id: noisy
            match: {path: "/noisy/**"}
            primary: legacy
            core: {legacy: {json: ""}, new: {json: ""}}
          - id: buggy
            match: {path: "/buggy/**"}
            primary: legacy
            core: {legacy: {json: ""}, new: {json: ""}}
        """.formatted(legacy.getAddress().getPort(), fresh.getAddress().getPort()));
  }

  private Path captures() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      lines.add(CaptureJson.write(Corpus.exchange(2 * i, "GET", "/noisy/" + i % 10)));
      lines.add(CaptureJson.write(Corpus.exchange(2 * i + 1, "GET", "/buggy/" + i % 10)));
    }
    return Corpus.write(dir.resolve("captures.jsonl"), lines);
  }

  @Test
  void aRunWithANoiseSampleReportsNoiseAndKeepsTheBug() throws Exception {
    Path config = config();
    Cli.Result r = Cli.run(dir.resolve("report"), "run", "--config", config.toString(), "--input",
        captures().toString(), "--noise-sample", "1", "--concurrency", "1");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode noisy = r.route("noisy");
    assertThat(noisy.get("noise").asLong()).as(noisy.toString()).isGreaterThanOrEqualTo(REQUESTS - 20);
    assertThat(noisy.get("parity").asDouble()).isGreaterThan(0.8);
    JsonNode buggy = r.route("buggy");
    assertThat(buggy.get("diff").asLong()).as("the bug on every request").isEqualTo(REQUESTS);
    assertThat(buggy.get("noise").asLong()).isZero();
    JsonNode noise = r.json().get("noise");
    assertThat(noise).hasSize(2).allSatisfy(n -> {
      assertThat(n.get("suggested_yaml").asText()).contains("ignore: [\"$.at\", \"$.id\"]").doesNotContain("$.total");
      assertThat(n.toString()).doesNotContain("$.total");
    });
    assertThat(r.file("report.md")).contains("## Noise learned").contains("`$.id`");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = ReplayMain.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "suggest", "--config", config.toString(), "--input",
        r.report().resolve("discrepancies.jsonl").toString(), "--min-observations", "5");
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<JsonNode> reports = new ArrayList<>();
    JSON.readerFor(JsonNode.class).readValues(out.toString(StandardCharsets.UTF_8))
        .forEachRemaining(n -> reports.add((JsonNode) n));
    assertThat(reports).extracting(n -> n.get("route").asText()).containsExactly("noisy", "buggy");
    assertThat(reports).allSatisfy(n -> assertThat(n.get("suggested_yaml").asText())
        .contains("\"$.at\"").contains("\"$.id\"").doesNotContain("$.total"));
  }
}
