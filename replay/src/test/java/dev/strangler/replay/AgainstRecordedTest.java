package dev.strangler.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.capture.CaptureJson;
import dev.strangler.capture.CaptureLine;
import dev.strangler.routing.Side;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgainstRecordedTest {
  @TempDir
  Path dir;

  @Test
  void comparesTheNewSideWithTheRecordedLegacyAnswerWithoutAskingLegacy() throws Exception {
    try (Backends backends = new Backends()) {
      Path config = Corpus.config(dir, backends, "");
      List<String> lines = new ArrayList<>(Corpus.standardLines());
      CaptureLine servedByNew = flip(Corpus.exchange(8, "GET", "/posts/priced"));
      CaptureLine unmirrored = withoutShadow(flip(Corpus.exchange(9, "GET", "/posts/hello")));
      lines.add(CaptureJson.write(servedByNew));
      lines.add(CaptureJson.write(unmirrored));
      Path input = Corpus.write(dir.resolve("capture.jsonl"), lines);

      Cli.Result r = Cli.run(dir.resolve("out"), "run", "--config", config.toString(), "--input", input.toString(),
          "--against-recorded");

      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(backends.legacySeen).isEmpty();
      assertThat(backends.freshSeen).hasSize(5);
      assertThat(RunCapturesTest.counts(r.route("post-read"))).containsExactly(5, 2, 2, 0, 0, 1);
      assertThat(r.json().at("/skipped/by_reason/no-recorded-legacy").asInt()).isEqualTo(1);
      assertThat(r.json().get("legacy").isNull()).isTrue();
      assertThat(r.discrepancies()).extracting(d -> d.get("served_by").asText() + " " + d.get("path").asText())
          .containsExactly("legacy /posts/priced", "new /posts/priced");
    }
  }

  /** The same exchange as if the new side had served it, legacy being the shadow. */
  private static CaptureLine flip(CaptureLine c) {
    return new CaptureLine(c.id(), c.at(), c.route(), Side.NEW, c.request(), c.shadow().response(),
        new CaptureLine.Shadow(Side.LEGACY, c.response(), null));
  }

  private static CaptureLine withoutShadow(CaptureLine c) {
    return new CaptureLine(c.id(), c.at(), c.route(), c.servedBy(), c.request(), c.response(), null);
  }
}
