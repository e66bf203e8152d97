package dev.strangler.record;

import static dev.strangler.record.Records.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.strangler.compare.Diff;
import dev.strangler.compare.DiffKind;
import dev.strangler.routing.Side;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordJsonTest {
  private static final Instant AT = Instant.parse("2026-11-25T10:00:00.123Z");

  @Test
  void writesTheSpecShapeOnOneLine() {
    List<Diff> diffs = List.of(new Diff("$.price", DiffKind.CHANGED, json("12.5"), json("12.49")));
    DiscrepancyRecord r = new DiscrepancyRecord("01JDQ0000000000000000000AB", AT, "post-read", "GET",
        "/posts/hello", "x=1", "req-7", Side.LEGACY, Outcome.DIFF,
        SideResult.ok(200, 12.3, json("{\"price\":12.5}")),
        SideResult.ok(200, 8.1, json("{\"price\":12.49}")),
        diffs, "post-read:3f9a000000000000", null);

    String line = RecordJson.write(r);

    assertThat(line).doesNotContain("\n").isEqualTo("{\"v\":1,\"id\":\"01JDQ0000000000000000000AB\","
        + "\"at\":\"2026-11-25T10:00:00.123Z\",\"route\":\"post-read\",\"method\":\"GET\","
        + "\"path\":\"/posts/hello\",\"query\":\"x=1\",\"request_id\":\"req-7\",\"served_by\":\"legacy\","
        + "\"outcome\":\"diff\","
        + "\"legacy\":{\"status\":200,\"latency_ms\":12.3,\"core\":{\"price\":12.5}},"
        + "\"new\":{\"status\":200,\"latency_ms\":8.1,\"core\":{\"price\":12.49}},"
        + "\"diffs\":[{\"path\":\"$.price\",\"kind\":\"changed\",\"legacy\":12.5,\"new\":12.49}],"
        + "\"fingerprint\":\"post-read:3f9a000000000000\"}");
  }

  @Test
  void roundTripsEveryField() {
    List<Diff> diffs = List.of(
        new Diff("$.tags[1]", DiffKind.MISSING, json("\"x\""), null),
        new Diff("$.extra", DiffKind.UNEXPECTED, null, json("{\"a\":[1,2]}")),
        new Diff("$.note", DiffKind.CHANGED, NullNode.instance, json("\"n\"")),
        new Diff("$.n", DiffKind.TYPE_CHANGED, json("1"), json("\"1\"")),
        new Diff("$", DiffKind.STATUS, json("200"), json("500")));
    DiscrepancyRecord r = new DiscrepancyRecord(RecordIds.next(), AT, "post-read", "HEAD", "/p",
        null, null, Side.NEW, Outcome.DIFF,
        new SideResult(200, 1.25, NullNode.instance, null),
        new SideResult(500, 30.0, null, "the body is empty, not JSON"),
        diffs, Fingerprints.of("post-read", diffs), "because");

    assertThat(RecordJson.read(RecordJson.write(r))).isEqualTo(r);
  }

  @Test
  void roundTripsAShadowErrorWithoutAnswer() {
    DiscrepancyRecord r = new DiscrepancyRecord(RecordIds.next(), AT, "r", "GET", "/", null, "id",
        Side.LEGACY, Outcome.SHADOW_ERROR, SideResult.ok(200, 3, json("{}")),
        new SideResult(null, null, null, "timeout after 5s"), List.of(),
        Fingerprints.of("r", Outcome.SHADOW_ERROR, "timeout"), "shadow request timed out");

    String line = RecordJson.write(r);
    JsonNode tree = json(line);

    assertThat(tree.get("new")).isEqualTo(json("{\"status\":null,\"latency_ms\":null,\"error\":\"timeout after 5s\"}"));
    assertThat(tree.get("reason").asText()).isEqualTo("shadow request timed out");
    assertThat(tree.get("fingerprint").asText()).isEqualTo("r:shadow_error:timeout");
    assertThat(RecordJson.read(line)).isEqualTo(r);
  }

  @Test
  void optionalKeysAreLeftOutWhenAbsent() {
    JsonNode tree = json(RecordJson.write(Records.diff("r", AT)));
    assertThat(tree.has("reason")).isFalse();
    assertThat(tree.get("legacy").has("error")).isFalse();
    assertThat(tree.get("query").asText()).isEqualTo("x=1");
  }

  @Test
  void timesAreWrittenWithMillisecondsInUtc() {
    DiscrepancyRecord r = Records.diff("r", Instant.parse("2026-01-02T03:04:05.678912Z"));
    assertThat(json(RecordJson.write(r)).get("at").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(json(RecordJson.write(Records.diff("r", Instant.parse("2026-01-02T03:04:05Z"))))
        .get("at").asText()).isEqualTo("2026-01-02T03:04:05.000Z");
  }

  @Test
  void readRefusesWhatIsNotARecord() {
    assertThatThrownBy(() -> RecordJson.read("{not json")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> RecordJson.read("[1]")).hasMessage("not a JSON object");
    String good = RecordJson.write(Records.diff("r", AT));
    assertThatThrownBy(() -> RecordJson.read(good.replace("\"v\":1", "\"v\":2")))
        .hasMessage("unsupported record version 2; expected 1");
    assertThatThrownBy(() -> RecordJson.read(good.replace("\"outcome\":\"diff\"", "\"outcome\":\"odd\"")))
        .hasMessage("'outcome' has the unknown value 'odd'");
    assertThatThrownBy(() -> RecordJson.read(good.replace("\"route\":\"r\",", "")))
        .hasMessage("missing 'route'");
  }
}
