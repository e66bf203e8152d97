package dev.strangler.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.capture.CaptureJson;
import dev.strangler.capture.CaptureLine;
import dev.strangler.routing.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rediff runs with no backend at all: the upstreams in routes.yaml point at a closed port. */
class RediffTest {
  private static final String NOWHERE = "http://127.0.0.1:9";
  private static final String TOLERANT = ", tolerance: {\"$.price\": 0.05}";

  @TempDir
  Path dir;

  @Test
  void rejudgesCapturedPairsUnderTheCurrentRules() throws Exception {
    List<String> lines = new ArrayList<>(Corpus.standardLines());
    CaptureLine c = Corpus.exchange(8, "GET", "/posts/hello");
    lines.add(CaptureJson.write(new CaptureLine(c.id(), c.at(), null, Side.LEGACY, c.request(), c.response(),
        new CaptureLine.Shadow(Side.NEW, null, "timeout"))));
    lines.add(CaptureJson.write(new CaptureLine(c.id(), c.at(), null, Side.LEGACY, c.request(), c.response(), null)));
    Path input = Corpus.write(dir.resolve("capture.jsonl"), lines);

    Cli.Result strict = rediff("strict", "", input);
    Cli.Result tolerant = rediff("tolerant", TOLERANT, input);

    assertThat(strict.exit()).as(strict.err()).isZero();
    assertThat(RunCapturesTest.counts(strict.route("post-read"))).containsExactly(5, 2, 1, 0, 1, 1);
    assertThat(RunCapturesTest.counts(strict.route("post-api"))).as("writes are judged: no network")
        .containsExactly(2, 2, 0, 0, 0, 0);
    assertThat(RunCapturesTest.counts(strict.route("static-pages"))).containsExactly(1, 1, 0, 0, 0, 0);
    assertThat(strict.json().at("/skipped/by_reason/no-shadow").asInt()).isEqualTo(1);
    assertThat(strict.discrepancies()).extracting(d -> d.get("outcome").asText())
        .containsExactly("diff", "shadow_error");
    assertThat(RunCapturesTest.counts(tolerant.route("post-read"))).containsExactly(5, 3, 0, 0, 1, 1);
  }

  @Test
  void rejudgesStoredDiscrepancyRecordsByTheirCores() throws Exception {
    Path input = Corpus.write(dir.resolve("capture.jsonl"), Corpus.standardLines());
    Cli.Result first = rediff("first", "", input);
    Path records = first.report().resolve("discrepancies.jsonl");
    JsonNode stored = first.discrepancies().get(0);

    Cli.Result same = rediff("same", "", records);
    Cli.Result tolerant = rediff("tolerant", TOLERANT, records);

    assertThat(same.exit()).as(same.err()).isZero();
    assertThat(same.json().at("/inputs/0/format").asText()).isEqualTo("records");
    assertThat(RunCapturesTest.counts(same.route("post-read"))).containsExactly(1, 0, 1, 0, 0, 0);
    JsonNode again = same.discrepancies().get(0);
    assertThat(again.get("id")).isEqualTo(stored.get("id"));
    assertThat(again.get("fingerprint")).isEqualTo(stored.get("fingerprint"));
    assertThat(again.get("diffs")).isEqualTo(stored.get("diffs"));
    assertThat(RunCapturesTest.counts(tolerant.route("post-read"))).containsExactly(1, 1, 0, 0, 0, 0);
    assertThat(tolerant.discrepancies()).isEmpty();
  }

  @Test
  void refusesInputsThatHoldNoPairs() throws Exception {
    Path har = Files.writeString(dir.resolve("session.har"), Har.file());

    Cli.Result r = rediff("har", "", har);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.json().at("/problems/0/reason").asText()).startsWith("cannot use har input here");
  }

  private Cli.Result rediff(String name, String compareExtra, Path input) throws Exception {
    Path configDir = Files.createDirectories(dir.resolve("config-" + name));
    Path config = Corpus.config(configDir, NOWHERE, NOWHERE, compareExtra);
    return Cli.run(dir.resolve("report-" + name), "rediff", "--config", config.toString(), "--input", input.toString());
  }
}
