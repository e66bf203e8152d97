package dev.strangler.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.replay.input.RecordedExchange;
import dev.strangler.replay.input.Format;
import dev.strangler.replay.input.FormatSniffer;
import dev.strangler.replay.input.InputFile;
import dev.strangler.replay.input.Item;
import dev.strangler.replay.input.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarAndCaddyTest {
  @TempDir
  Path dir;

  @Test
  void readsHarEntriesWithBase64BodiesRepeatedCookiesAndTheirLines() throws Exception {
    Path har = Files.writeString(dir.resolve("session.har"), Har.file());

    List<Item> items = read(har, Format.HAR);

    assertThat(FormatSniffer.sniff(new InputFile(0, har))).contains(Format.HAR);
    assertThat(items).hasSize(3).allMatch(i -> i instanceof RecordedExchange);
    RecordedExchange hello = (RecordedExchange) items.get(0);
    assertThat(hello.position().line()).isEqualTo(7);
    assertThat(hello.request().uri()).isEqualTo("/posts/hello");
    assertThat(hello.host()).isEqualTo("blog.example");
    assertThat(hello.at()).isEqualTo(Instant.parse("2026-11-25T10:00:00.500Z"));
    assertThat(new String(hello.recorded().body(), StandardCharsets.UTF_8)).isEqualTo(Backends.legacyPage("hello"));
    assertThat(hello.recorded().headerValues("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(hello.recorded().header("Content-Encoding")).as("HAR bodies are stored decoded").isEmpty();
    RecordedExchange priced = (RecordedExchange) items.get(1);
    assertThat(priced.request().uri()).isEqualTo("/posts/priced?ref=feed");
    assertThat(new String(priced.recorded().body(), StandardCharsets.UTF_8)).isEqualTo(Backends.legacyPage("priced"));
    RecordedExchange post = (RecordedExchange) items.get(2);
    assertThat(new String(post.request().body(), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"x\"}");
  }

  @Test
  void replaysAHarAgainstBothSidesAndAgainstItsRecordedResponses() throws Exception {
    try (Backends backends = new Backends()) {
      Path config = Corpus.config(dir, backends, "");
      Path har = Files.writeString(dir.resolve("session.har"), Har.file());

      Cli.Result both = Cli.run(dir.resolve("both"), "run", "--config", config.toString(), "--input", har.toString());
      Cli.Result recorded = Cli.run(dir.resolve("recorded"), "run", "--config", config.toString(),
          "--input", har.toString(), "--against-recorded", "--format", "har");

      assertThat(both.exit()).as(both.err()).isZero();
      assertThat(RunCapturesTest.counts(both.route("post-read"))).containsExactly(2, 1, 1, 0, 0, 0);
      assertThat(RunCapturesTest.counts(both.route("post-api"))).containsExactly(1, 0, 0, 0, 0, 1);
      assertThat(recorded.exit()).as(recorded.err()).isZero();
      assertThat(RunCapturesTest.counts(recorded.route("post-read"))).containsExactly(2, 1, 1, 0, 0, 0);
      assertThat(recorded.discrepancies().get(0).at("/diffs/0/path").asText()).isEqualTo("$.price");
      assertThat(backends.legacySeen).as("legacy asked by the first run only").hasSize(2);
      assertThat(backends.freshSeen).hasSize(4);
      assertThat(backends.freshSeen.get(0).header("X-Forwarded-Host")).isEqualTo("blog.example");
    }
  }

  @Test
  void readsCaddyAccessLogsAndReplaysThem() throws Exception {
    Path log = Files.writeString(dir.resolve("access.log"), Har.caddyLog());

    List<Item> items = read(log, Format.CADDY);

    assertThat(FormatSniffer.sniff(new InputFile(0, log))).contains(Format.CADDY);
    assertThat(items).hasSize(2);
    RecordedExchange hello = (RecordedExchange) items.get(0);
    assertThat(hello.position().line()).isEqualTo(1);
    assertThat(hello.host()).isEqualTo("blog.example");
    assertThat(hello.at()).isEqualTo(Instant.parse("2026-11-25T10:00:00.250Z"));
    assertThat(hello.request().headers()).extracting(e -> e.getKey() + "=" + e.getValue())
        .containsExactly("User-Agent=curl/8.5", "Accept=text/html", "Accept=*/*", "Cookie=REDACTED");
    assertThat(hello.recorded().status()).isEqualTo(200);
    assertThat(hello.recorded().body()).isEmpty();
    assertThat(items.get(1).position().line()).isEqualTo(3);

    try (Backends backends = new Backends()) {
      Path config = Corpus.config(dir, backends, "");
      Cli.Result r = Cli.run(dir.resolve("out"), "run", "--config", config.toString(), "--input", log.toString());

      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.json().at("/inputs/0/format").asText()).isEqualTo("caddy");
      assertThat(RunCapturesTest.counts(r.route("post-read"))).containsExactly(2, 1, 1, 0, 0, 0);
      Backends.Received helloSeen = backends.legacySeen.stream()
          .filter(s -> s.uri().equals("/posts/hello")).findFirst().orElseThrow();
      assertThat(helloSeen.header("Cookie")).as("redacted by Caddy").isNull();
      assertThat(helloSeen.header("Accept")).isEqualTo("text/html,*/*");
    }
  }

  @Test
  void aHarThatBreaksOffKeepsItsEntriesAndListsTheLine() throws Exception {
    String whole = Har.file();
    Path har = Files.writeString(dir.resolve("cut.har"), whole.substring(0, whole.indexOf("\"startedDateTime\": \"2026-11-25T10:00:02")));

    List<Item> items = read(har, Format.HAR);

    assertThat(items).hasSize(3);
    assertThat(items.get(2)).isInstanceOf(Problem.class);
    assertThat(((Problem) items.get(2)).reason()).startsWith("malformed HAR after entry 2");
    assertThat(items.get(2).position().line()).isGreaterThan(items.get(1).position().line());
  }

  private static List<Item> read(Path file, Format format) throws Exception {
    List<Item> items = new ArrayList<>();
    format.reader().read(new InputFile(0, file), items::add);
    return items;
  }
}
