package dev.strangler.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCapturesTest {
  @TempDir
  Path dir;
  Backends backends;
  Path config;

  @BeforeEach
  void start() throws Exception {
    backends = new Backends();
    config = Corpus.config(dir, backends, "");
  }

  @AfterEach
  void stop() {
    backends.close();
  }

  @Test
  void judgesEachCapturedRequestOnBothSidesAndCountsEveryOutcome() throws Exception {
    Path input = Corpus.write(dir.resolve("capture.jsonl"), Corpus.standardLines());

    Cli.Result r = Cli.run(dir.resolve("out"), "run", "--config", config.toString(), "--input", input.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(counts(r.route("post-read"))).containsExactly(3, 2, 1, 0, 0, 0);
    assertThat(r.route("post-read").get("parity").asDouble()).isEqualTo(2.0 / 3);
    assertThat(counts(r.route("post-api"))).containsExactly(2, 1, 0, 0, 0, 1);
    assertThat(counts(r.route("static-pages"))).containsExactly(1, 0, 0, 0, 0, 1);
    assertThat(counts(r.route("(no route)"))).containsExactly(1, 0, 0, 0, 0, 1);
    assertThat(r.json().get("complete").asBoolean()).isTrue();
    assertThat(r.json().at("/skipped/by_reason").toString())
        .isEqualTo("{\"no-route\":1,\"shadow-disabled\":1,\"write-method\":1}");
    assertThat(r.json().at("/skipped/listed/0").toString())
        .isEqualTo("{\"file\":\"" + input + "\",\"line\":4,\"route\":\"post-api\",\"reason\":\"write-method\"}");

    List<JsonNode> records = r.discrepancies();
    assertThat(records).hasSize(1);
    JsonNode diff = records.get(0);
    assertThat(diff.get("outcome").asText()).isEqualTo("diff");
    assertThat(diff.get("path").asText()).isEqualTo("/posts/priced");
    assertThat(diff.get("at").asText()).isEqualTo("2026-11-25T10:00:02.000Z");
    assertThat(diff.get("request_id").asText()).isEqualTo("req-2");
    assertThat(diff.get("id").asText()).startsWith("rp-");
    assertThat(diff.get("diffs").toString())
        .isEqualTo("[{\"path\":\"$.price\",\"kind\":\"changed\",\"legacy\":12.5,\"new\":12.49}]");
  }

  @Test
  void sendsRecordedRequestsAsReplayTrafficWithoutHopByHopHeaders() throws Exception {
    Path input = Corpus.write(dir.resolve("capture.jsonl"), Corpus.standardLines().subList(0, 1));

    Cli.Result r = Cli.run(dir.resolve("out"), "run", "--config", config.toString(), "--input", input.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    for (List<Backends.Received> seen : List.of(backends.legacySeen, backends.freshSeen)) {
      assertThat(seen).hasSize(1);
      Backends.Received got = seen.get(0);
      assertThat(got.uri()).isEqualTo("/posts/hello");
      assertThat(got.header("X-Replay")).isEqualTo("1");
      assertThat(got.header("X-Request-Id")).isEqualTo("req-1");
      assertThat(got.header("X-Forwarded-Host")).isEqualTo("blog.example");
      assertThat(got.header("Accept")).isEqualTo("*/*");
      assertThat(got.header("X-Hop")).as("named by Connection").isNull();
      assertThat(got.header("Authorization")).as("masked when recorded").isNull();
      assertThat(got.header("X-Shadow-Request")).isNull();
    }
  }

  @Test
  void gzipTruncatedGzipAndMalformedLinesAreReadAsFarAsPossibleAndListed() throws Exception {
    List<String> lines = new ArrayList<>(Corpus.standardLines());
    lines.add(2, "{\"v\":1, this is not json");
    Path plain = Corpus.write(dir.resolve("a.jsonl"), lines);
    Path gz = dir.resolve("b.jsonl.gz");
    Files.write(gz, Corpus.gzip(Corpus.standardLines()));
    List<String> many = IntStream.range(0, 400)
        .mapToObj(i -> Corpus.standardLines().get(i % 3)).toList();
    byte[] whole = Corpus.gzip(many);
    Path truncated = dir.resolve("c.jsonl.gz");
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));

    Cli.Result r = Cli.run(dir.resolve("out"), "run", "--config", config.toString(),
        "--input", plain.toString(), gz.toString(), truncated.toString(), "--concurrency", "4");

    assertThat(r.exit()).as("incomplete").isEqualTo(2);
    JsonNode json = r.json();
    assertThat(json.get("complete").asBoolean()).isFalse();
    JsonNode problems = json.get("problems");
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).get("file").asText()).isEqualTo(plain.toString());
    assertThat(problems.get(0).get("line").asInt()).isEqualTo(3);
    assertThat(problems.get(0).get("reason").asText()).startsWith("malformed capture line: not JSON");
    assertThat(problems.get(1).get("file").asText()).isEqualTo(truncated.toString());
    assertThat(problems.get(1).get("reason").asText()).startsWith("truncated gzip stream: nothing readable after line");
    long readBeforeCut = problems.get(1).get("line").asLong() - 1;
    assertThat(readBeforeCut).isBetween(1L, 399L);
    assertThat(json.get("inputs").get(1).get("format").asText()).isEqualTo("capture");
    assertThat(json.get("inputs").get(1).get("items").asInt()).isEqualTo(7);
    assertThat(json.get("inputs").get(2).get("items").asLong()).isEqualTo(readBeforeCut);
    long priced = readBeforeCut / 3 + (readBeforeCut % 3 >= 2 ? 1 : 0);
    assertThat(r.route("post-read").get("diff").asLong()).isEqualTo(2 + priced);
    assertThat(r.file("report.md")).contains("`" + plain + ":3` malformed capture line");
    assertThat(r.out()).contains("INCOMPLETE");

    Cli.Result allowed = Cli.run(dir.resolve("out2"), "run", "--config", config.toString(),
        "--input", plain.toString(), "--allow-incomplete");
    assertThat(allowed.exit()).isZero();
  }

  @Test
  void anUnreachableSideIsAShadowErrorAndMakesTheRunIncomplete() throws Exception {
    Path input = Corpus.write(dir.resolve("capture.jsonl"), Corpus.standardLines());
    int closed;
    try (var socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    Cli.Result r = Cli.run(dir.resolve("out"), "run", "--config", config.toString(), "--input", input.toString(),
        "--new", "http://127.0.0.1:" + closed);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(counts(r.route("post-read"))).containsExactly(3, 0, 0, 0, 3, 0);
    assertThat(r.json().get("problems")).hasSize(4);
    assertThat(r.json().at("/problems/0/reason").asText())
        .isEqualTo("new side unreachable (connect-failed) at http://127.0.0.1:" + closed);
    assertThat(r.discrepancies().get(0).get("fingerprint").asText()).isEqualTo("post-read:shadow_error:new");
    assertThat(r.discrepancies().get(0).get("reason").asText()).isEqualTo("new: connect-failed");
  }

  @Test
  void aBadConfigIsAUsageErrorWithItsPlace() throws Exception {
    Path input = Corpus.write(dir.resolve("capture.jsonl"), Corpus.standardLines());
    Files.writeString(config, Files.readString(config).replace("primary: legacy\n    core:", "primary: legacy\n    colour: red\n    core:"));

    Cli.Result r = Cli.run(dir.resolve("out"), "run", "--config", config.toString(), "--input", input.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(config.toString()) + ":\\d+:\\d+: ");
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }

  @Test
  void anUnknownFormatIsAProblemAndTheOtherInputsStillRun() throws Exception {
    Path input = Corpus.write(dir.resolve("capture.jsonl"), Corpus.standardLines());
    Path junk = Files.writeString(dir.resolve("notes.txt"), "hello\nworld\n");

    Cli.Result r = Cli.run(dir.resolve("out"), "run", "--config", config.toString(),
        "--input", junk.toString(), input.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.json().at("/problems/0/file").asText()).isEqualTo(junk.toString());
    assertThat(r.json().at("/problems/0/reason").asText()).startsWith("unknown format");
    assertThat(r.route("post-read").get("requests").asInt()).isEqualTo(3);
  }

  static int[] counts(JsonNode route) {
    return new int[] {route.get("requests").asInt(), route.get("match").asInt(), route.get("diff").asInt(),
        route.get("extract_failed").asInt(), route.get("shadow_error").asInt(), route.get("skipped").asInt()};
  }
}
