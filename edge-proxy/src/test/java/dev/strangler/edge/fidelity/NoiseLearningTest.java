package dev.strangler.edge.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.edge.TestUpstream;
import dev.strangler.record.Outcome;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Noise learning through real sockets, with no hand-written rule: both sides answer a fresh UUID
 * and timestamp on every call. The route that differs only by that noise reaches at least 99 %
 * parity once learned; the route with a real bug keeps reporting it on every request; the noise
 * endpoint lists the noisy paths and not the bug; a restart keeps what was learned (the store).
 */
class NoiseLearningTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int WARM_UP = 300;
  static final int MEASURED = 200;
  final AtomicLong tick = new AtomicLong();

  @TempDir Path dir;

  TestUpstream side(String name) throws InterruptedException {
    return TestUpstream.answering((req, ctx) -> {
      boolean bug = name.equals("new") && req.uri().startsWith("/buggy");
      String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"at\":\"" + Instant.now().plusNanos(tick.incrementAndGet())
          + "\",\"name\":\"widget\",\"total\":" + (bug ? 11 : 10) + ",\"tags\":[\"a\",\"b\"]}";
      ctx.writeAndFlush(Sides.answer(HttpResponseStatus.OK, name, "application/json",
          body.getBytes(StandardCharsets.UTF_8)));
    });
  }

  static final String ROUTES = """
        - id: noisy
          match: {path: "/noisy/**"}
          primary: legacy
          core: {legacy: {json: ""}, new: {json: ""}}
        - id: buggy
          match: {path: "/buggy/**"}
          primary: legacy
          core: {legacy: {json: ""}, new: {json: ""}}
      """;

  @Test
  void noiseIsLearnedAndLeftOutWhileARealBugKeepsShowing() throws Exception {
    try (Sides s = new Sides(dir, side("legacy"), side("new"),
        "defaults: {shadow: {noise: {sample: 0.5, min-observations: 20}}}", ROUTES)) {
      s.drive(WARM_UP, "noisy", "buggy");
      Map<Outcome, Long> noisyBefore = s.edge.outcomes().counts("noisy");
      Map<Outcome, Long> buggyBefore = s.edge.outcomes().counts("buggy");
      s.drive(MEASURED, "noisy", "buggy");
      Map<Outcome, Long> noisy = minus(s.edge.outcomes().counts("noisy"), noisyBefore);
      Map<Outcome, Long> buggy = minus(s.edge.outcomes().counts("buggy"), buggyBefore);

      double parity = (double) (noisy.get(Outcome.MATCH) + noisy.get(Outcome.NOISE))
          / (noisy.get(Outcome.MATCH) + noisy.get(Outcome.NOISE) + noisy.get(Outcome.DIFF)
              + noisy.get(Outcome.EXTRACT_FAILED));
      assertThat(parity).as("noisy route after %d requests: %s", WARM_UP, noisy).isGreaterThanOrEqualTo(0.99);
      assertThat(s.edge.outcomes().parity("noisy")).as("parity counts noise as agreement").isGreaterThan(0.8);
      assertThat(buggy.get(Outcome.DIFF)).as("the bug on every request: %s", buggy).isEqualTo(MEASURED);
      assertThat(s.edge.outcomes().repeatsSent("noisy")).isBetween((long) (WARM_UP * 0.3), (long) (WARM_UP + MEASURED));

      for (String route : List.of("noisy", "buggy")) {
        JsonNode report = JSON.readTree(s.admin("/admin/routes/" + route + "/noise"));
        assertThat(report.get("route").asText()).isEqualTo(route);
        assertThat(report.get("observations").asLong()).isGreaterThanOrEqualTo(20);
        List<String> noisyPaths = new ArrayList<>();
        report.get("paths").forEach(p -> {
          if (p.get("noise").asBoolean()) {
            noisyPaths.add(p.get("path").asText() + " " + p.get("kind").asText());
          }
        });
        assertThat(noisyPaths).as(report.toString()).containsExactlyInAnyOrder("$.id changed", "$.at changed");
        assertThat(report.toString()).doesNotContain("$.total");
        assertThat(report.get("suggested_yaml").asText()).startsWith("compare:\n")
            .contains("ignore: [\"$.at\", \"$.id\"]").doesNotContain("$.total");
      }
      s.edge.writer().flush(Duration.ofSeconds(10));
      JsonNode groups = JSON.readTree(s.admin("/admin/discrepancies/groups?route=noisy"));
      assertThat(groups.get("groups")).anySatisfy(g -> {
        assertThat(g.get("noise").asBoolean()).isTrue();
        assertThat(g.get("outcome").asText()).isEqualTo("noise");
      });

      s.restart();
      assertThat(s.edge.mirror().noise().model().counts("noisy").observations())
          .as("the model is read back from the store").isGreaterThanOrEqualTo(20);
      long diffs = s.edge.outcomes().counts("noisy").get(Outcome.DIFF);
      s.drive(10, "noisy", "buggy");
      assertThat(s.edge.outcomes().counts("noisy").get(Outcome.DIFF)).as("no relearning after a restart")
          .isEqualTo(diffs);
    }
  }

  private static Map<Outcome, Long> minus(Map<Outcome, Long> now, Map<Outcome, Long> before) {
    Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
    now.forEach((o, n) -> out.put(o, n - before.get(o)));
    return out;
  }
}
