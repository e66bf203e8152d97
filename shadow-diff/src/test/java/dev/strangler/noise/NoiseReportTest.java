package dev.strangler.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.compare.Diff;
import dev.strangler.compare.DiffKind;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.CompareMode;
import dev.strangler.config.NoiseConfig;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Outcome;
import dev.strangler.record.SideResult;
import dev.strangler.routing.Side;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The noise endpoint's body: learned paths by rate, and a compare block from the model and the values. */
class NoiseReportTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void learnedNoiseAndValueClassesBecomeRulesTheRealBugDoesNot() throws Exception {
    ShapeKind id = new ShapeKind("$.id", DiffKind.CHANGED);
    ShapeKind rare = new ShapeKind("$.flag", DiffKind.CHANGED);
    NoiseCounts counts = new NoiseCounts(40, Map.of("$.id", 40L, "$.flag", 40L, "$.total", 40L),
        Map.of(id, 40L, rare, 3L));
    DiscrepancyRecord example = record(
        "{\"at\":\"2026-12-06T10:00:01.5Z\",\"rid\":\"req-7\",\"uuid\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
            + "\"price\":12.5,\"total\":10,\"tags\":[\"a\",\"b\",\"c\"]}",
        "{\"at\":\"2026-12-06T09:59:58Z\",\"rid\":\"gen-1\",\"uuid\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\","
            + "\"price\":12.4999,\"total\":11,\"tags\":[\"c\",\"a\",\"b\"]}",
        List.of(diff("$.at"), diff("$.rid"), diff("$.uuid"), diff("$.price"), diff("$.total"), diff("$.tags[0]")));
    CompareConfig current = new CompareConfig(CompareMode.STRICT_ORDER, List.of("$.updatedAt"), List.of(),
        Map.of("$.comments", "id"), Map.of());

    NoiseReport report = NoiseReport.of("r", counts, new NoiseConfig(0.1, 20), List.of(example), current);

    assertThat(report.observations()).isEqualTo(40);
    assertThat(report.paths()).extracting(NoiseReport.PathNoise::path, NoiseReport.PathNoise::noise)
        .containsExactly(tuple("$.id", true), tuple("$.flag", false));
    assertThat(report.suggestedYaml()).isEqualTo("""
        compare:
          mode: strict-order
          ignore: ["$.updatedAt", "$.id", "$.at", "$.rid", "$.uuid"]
          unordered: ["$.tags"]
          keyed: {"$.comments": "id"}
          tolerance: {"$.price": 0.0001}
        """);
    JsonNode json = report.toJson();
    assertThat(json.get("paths").get(0).get("rate").asDouble()).isEqualTo(1.0);
    assertThat(json.toString()).doesNotContain("$.total\"");
  }

  private static Diff diff(String path) throws Exception {
    return new Diff(path, DiffKind.CHANGED, null, null);
  }

  private static DiscrepancyRecord record(String legacy, String fresh, List<Diff> paths) throws Exception {
    JsonNode a = JSON.readTree(legacy);
    JsonNode b = JSON.readTree(fresh);
    List<Diff> diffs = paths.stream().map(d -> new Diff(d.path(), d.kind(), at(a, d.path()), at(b, d.path()))).toList();
    return new DiscrepancyRecord("id", AT, "r", "GET", "/x", null, "req-7", Side.LEGACY, Outcome.DIFF,
        SideResult.ok(200, 1, a), SideResult.ok(200, 1, b), diffs, "r:x", null);
  }

  private static JsonNode at(JsonNode doc, String path) {
    String p = path.substring(2);
    int bracket = p.indexOf('[');
    return bracket < 0 ? doc.get(p) : doc.get(p.substring(0, bracket)).get(Integer.parseInt(p.substring(bracket + 1, p.length() - 1)));
  }
}
