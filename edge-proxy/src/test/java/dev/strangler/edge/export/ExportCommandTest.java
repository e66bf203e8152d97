package dev.strangler.edge.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.Main;
import dev.strangler.edge.TestRecords;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.RecordJson;
import dev.strangler.store.DiscrepancyStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code edge export} and {@code edge summary} as the CLI runs them, on a real routes.yaml and SQLite store. */
class ExportCommandTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private static final Comparator<DiscrepancyRecord> OLDEST_FIRST =
      Comparator.comparing(DiscrepancyRecord::at).thenComparing(DiscrepancyRecord::id);

  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  @Test
  void writesRecordsSinceAnInstantOldestFirstAsJsonl() throws Exception {
    Path config = config();
    List<DiscrepancyRecord> stored = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      stored.add(TestRecords.diff(i % 4 == 0 ? "b" : "a", "f" + i % 3, T0.plusSeconds(1199 - i), i));
    }
    store(config, stored);
    Path out = dir.resolve("out/export.jsonl");
    Files.createDirectories(out.getParent());

    int exit = run("export", "--config", config.toString(), "--since", "2026-11-20T10:05:00Z",
        "--output", out.toString());

    assertThat(exit).as(err.toString()).isZero();
    List<DiscrepancyRecord> expected = stored.stream()
        .filter(r -> !r.at().isBefore(T0.plusSeconds(300))).sorted(OLDEST_FIRST).toList();
    assertThat(readJsonl(out)).hasSize(900).containsExactlyElementsOf(expected);
    assertThat(Files.readAllLines(out).get(0)).isEqualTo(RecordJson.write(expected.get(0)));
    assertThat(err.toString()).contains("900 record(s) written to " + out);
    try (var files = Files.list(out.getParent())) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void keepsToOneRouteAndCountsDurationsBackFromNow() throws Exception {
    Path config = config();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    DiscrepancyRecord oldA = TestRecords.diff("a", "f", now.minus(Duration.ofDays(2)), 1);
    DiscrepancyRecord recentA = TestRecords.diff("a", "f", now.minus(Duration.ofMinutes(30)), 2);
    DiscrepancyRecord recentB = TestRecords.diff("b", "f", now.minus(Duration.ofMinutes(20)), 3);
    DiscrepancyRecord latestA = TestRecords.diff("a", "f", now.minus(Duration.ofMinutes(10)), 4);
    store(config, List.of(latestA, recentB, oldA, recentA));
    Path out = dir.resolve("a.jsonl");

    int exit = run("export", "--config", config.toString(), "--since", "1h", "--route", "a",
        "--output", out.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(readJsonl(out)).containsExactly(recentA, latestA);
  }

  @Test
  void aBadConfigExits2WithItsPlace() throws Exception {
    Path config = dir.resolve("routes.yaml");
    Files.writeString(config, "listen: 127.0.0.1:0\nstate: {dir: ., stor: x}\n");
    Path out = dir.resolve("out.jsonl");

    int exit = run("export", "--config", config.toString(), "--since", "1h", "--output", out.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains(config + ":2:");
    assertThat(out).doesNotExist();
  }

  @Test
  void aBadSinceExits2() throws Exception {
    Path config = config();

    assertThat(run("export", "--config", config.toString(), "--since", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("--since").contains("yesterday");
    assertThat(run("export", "--config", config.toString())).isEqualTo(2);
  }

  @Test
  void summaryPrintsOneLinePerGroupWithAnExampleDiff() throws Exception {
    Path config = config();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    store(config, List.of(TestRecords.diff("a", "a:price", now.minusSeconds(30), 1),
        TestRecords.diff("a", "a:price", now.minusSeconds(20), 2),
        TestRecords.diff("b", "b:price", now.minusSeconds(10), 3)));

    int exit = run("summary", "--config", config.toString(), "--route", "a");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("1 discrepancy group(s) on route a")
        .contains("a:price  count=2")
        .contains("changed        $.price")
        .doesNotContain("b:price");
  }

  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  /** A valid routes.yaml keeping its state (and SQLite store) in the temp dir. */
  private Path config() throws Exception {
    Path config = dir.resolve("routes.yaml");
    Files.writeString(config, String.join("\n",
        "listen: 127.0.0.1:0",
        "admin: {listen: 127.0.0.1:0, token: t}",
        "state: {dir: ./state}",
        "upstreams:",
        "  legacy: {targets: [\"http://127.0.0.1:5001\"]}",
        "  new: {targets: [\"http://127.0.0.1:5002\"]}",
        "routes:",
        "  - id: a",
        "    match: {path: \"/a/**\"}",
        "    primary: legacy",
        "  - id: b",
        "    match: {path: \"/**\"}",
        "    primary: legacy",
        ""));
    return config;
  }

  private void store(Path config, List<DiscrepancyRecord> records) {
    try (DiscrepancyStore store = DiscrepancyStore.open("jdbc:sqlite:" + dir.resolve("state/edge.db"))) {
      TestRecords.store(store, records);
    }
  }

  private static List<DiscrepancyRecord> readJsonl(Path file) throws Exception {
    return Files.readAllLines(file).stream().map(RecordJson::read).toList();
  }
}
