package dev.strangler.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** post-read has parity 66.67% (one diff in three), post-api 100%, static-pages nothing compared. */
class GateTest {
  @TempDir
  static Path dir;
  static Backends backends;
  static Path config;
  static Path input;
  static int runs;

  @BeforeAll
  static void start() throws Exception {
    backends = new Backends();
    config = Corpus.config(dir, backends, "");
    input = Corpus.write(dir.resolve("capture.jsonl"), Corpus.standardLines());
  }

  @AfterAll
  static void stop() {
    backends.close();
  }

  @Test
  void aGlobalMinimumGatesEveryRouteThatWasCompared() throws Exception {
    assertThat(run("--fail-under", "60").exit()).isZero();
    Cli.Result failed = run("--fail-under", "70");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.route("post-read").get("passed").asBoolean()).isFalse();
    assertThat(failed.route("post-api").get("passed").asBoolean()).isTrue();
    assertThat(failed.route("static-pages").get("passed").asBoolean()).as("nothing compared").isTrue();
    assertThat(failed.json().get("gate_passed").asBoolean()).isFalse();
    assertThat(failed.out()).contains("gate FAILED");
    assertThat(failed.file("report.md")).contains("| `post-read` | 3 | 2 | 1 | 0 | 0 | 0 | 0 | 66.67% | FAIL (min 70%) |");
  }

  @Test
  void aRouteMinimumOverridesTheGlobalOne() throws Exception {
    assertThat(run("--fail-under", "90", "post-read=50").exit()).isZero();
    assertThat(run("--fail-under", "50", "--fail-under", "post-read=66.5").exit()).isZero();
    assertThat(run("--fail-under", "50", "--fail-under", "post-read=67%").exit()).isEqualTo(1);
    assertThat(run("--fail-under", "post-api=100").exit()).isZero();
  }

  @Test
  void aRouteMinimumFailsARouteWithNothingCompared() throws Exception {
    Cli.Result r = run("--fail-under", "static-pages=10");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.route("static-pages").get("passed").asBoolean()).isFalse();
  }

  @Test
  void badGateValuesAreUsageErrors() throws Exception {
    Cli.Result tooHigh = run("--fail-under", "120");
    assertThat(tooHigh.exit()).isEqualTo(2);
    assertThat(tooHigh.err()).contains("--fail-under 120: expected a percentage from 0 to 100");
    Cli.Result unknown = run("--fail-under", "nope=90");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("routes.yaml has no route 'nope'");
  }

  private static Cli.Result run(String... gate) {
    String[] args = new String[gate.length + 5];
    args[0] = "run";
    args[1] = "--config";
    args[2] = config.toString();
    args[3] = "--input";
    args[4] = input.toString();
    System.arraycopy(gate, 0, args, 5, gate.length);
    return Cli.run(dir.resolve("report-" + ++runs), args);
  }
}
