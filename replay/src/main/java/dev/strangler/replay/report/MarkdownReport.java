package dev.strangler.replay.report;

import dev.strangler.compare.Diff;
import dev.strangler.noise.NoiseReport;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.replay.input.InputSummary;
import java.io.IOException;
import java.io.Writer;

/** Writes report.md: summary, per-route table, top groups with an example's diffs, problems, skips. */
public final class MarkdownReport {
  /** Problems and skipped items listed at most. */
  static final int LISTED = 200;

  private MarkdownReport() {}

  public static void write(Report r, Writer out) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Replay report\n\n");
    md.append("- Generated at: ").append(Describe.generatedAt(r.run())).append('\n');
    md.append("- Mode: ").append(Describe.run(r.run())).append('\n');
    md.append("- Result: ").append(Describe.status(r)).append("\n\n");
    routes(r, md);
    groups(r, md);
    noise(r, md);
    problems(r, md);
    skipped(r, md);
    inputs(r, md);
    out.write(md.toString());
  }

  private static void routes(Report r, StringBuilder md) {
    md.append("## Routes\n\n");
    md.append("| route | requests | match | diff | extract_failed | shadow_error | skipped | noise | parity | gate |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Report.RouteReport route : r.routes()) {
      row(md, "`" + route.route() + "`", route.counts(), Describe.gate(route));
    }
    row(md, "**total**", r.totals(), "");
    md.append('\n');
  }

  private static void row(StringBuilder md, String name, Counts c, String gate) {
    md.append("| ").append(name).append(" | ").append(c.requests()).append(" | ").append(c.match())
        .append(" | ").append(c.diff()).append(" | ").append(c.extractFailed()).append(" | ")
        .append(c.shadowError()).append(" | ").append(c.skipped()).append(" | ").append(c.noise()).append(" | ")
        .append(Percent.of(c.parity())).append(" | ").append(gate).append(" |\n");
  }

  /** What noise learning found ({@code --noise-sample}): the noisy paths and the rules they suggest. */
  private static void noise(Report r, StringBuilder md) {
    if (r.noise().isEmpty()) {
      return;
    }
    md.append("## Noise learned\n\n");
    for (NoiseReport n : r.noise()) {
      md.append("### ").append(n.route()).append(" (").append(n.observations()).append(" same-side pairs)\n\n");
      md.append("| path | kind | observed | differed | rate | noise |\n|---|---|---:|---:|---:|---|\n");
      for (NoiseReport.PathNoise p : n.paths()) {
        md.append("| `").append(p.path()).append("` | ").append(p.kind()).append(" | ").append(p.observed())
            .append(" | ").append(p.differed()).append(" | ").append(Percent.of(p.rate())).append(" | ")
            .append(p.noise() ? "yes" : "no").append(" |\n");
      }
      md.append("\nSuggested rules:\n\n```yaml\n").append(n.suggestedYaml()).append("```\n\n");
    }
  }

  private static void groups(Report r, StringBuilder md) {
    md.append("## Top discrepancies\n\n");
    boolean any = false;
    for (Report.RouteReport route : r.routes()) {
      if (route.groups().isEmpty()) {
        continue;
      }
      any = true;
      md.append("### ").append(route.route()).append("\n\n");
      for (Report.Group g : route.groups()) {
        DiscrepancyRecord e = g.example().record();
        md.append("#### `").append(g.fingerprint()).append("` — ").append(g.outcome().id())
            .append(" × ").append(g.count()).append("\n\n");
        md.append("Example: `").append(cell(Describe.request(e))).append("` (").append(g.example().position())
            .append("); status legacy ").append(Describe.status(e.legacy()))
            .append(", new ").append(Describe.status(e.fresh())).append("\n\n");
        if (e.reason() != null) {
          md.append("Reason: ").append(cell(e.reason())).append("\n\n");
        }
        if (!e.diffs().isEmpty()) {
          md.append("| path | kind | legacy | new |\n|---|---|---|---|\n");
          for (Diff d : e.diffs()) {
            md.append("| `").append(cell(d.path())).append("` | ").append(d.kind().id()).append(" | `")
                .append(cell(Describe.value(d, true))).append("` | `").append(cell(Describe.value(d, false)))
                .append("` |\n");
          }
          md.append('\n');
        }
      }
    }
    if (!any) {
      md.append("None.\n\n");
    }
  }

  private static void problems(Report r, StringBuilder md) {
    md.append("## Problems (").append(r.problems().size()).append(")\n\n");
    if (r.problems().isEmpty()) {
      return;
    }
    r.problems().stream().limit(LISTED).forEach(p -> note(md, p.position().toString(), p.reason()));
    more(md, r.problems().size());
    md.append('\n');
  }

  private static void skipped(Report r, StringBuilder md) {
    long total = r.skippedByReason().values().stream().mapToLong(Long::longValue).sum();
    md.append("## Skipped (").append(total).append(")\n\n");
    if (total == 0) {
      return;
    }
    r.skippedByReason().forEach((reason, n) -> md.append("- ").append(reason).append(": ").append(n).append('\n'));
    md.append('\n');
    r.skipped().stream().limit(LISTED)
        .forEach(s -> note(md, s.position().toString(), s.route() + ": " + s.reason()));
    more(md, total);
    md.append('\n');
  }

  private static void inputs(Report r, StringBuilder md) {
    md.append("## Inputs\n\n| file | format | items | problems |\n|---|---|---:|---:|\n");
    for (InputSummary s : r.run().inputs()) {
      md.append("| `").append(cell(s.file())).append("` | ").append(s.format()).append(" | ")
          .append(s.items()).append(" | ").append(s.problems()).append(" |\n");
    }
  }

  private static void note(StringBuilder md, String where, String what) {
    md.append("- `").append(where).append("` ").append(cell(what)).append('\n');
  }

  private static void more(StringBuilder md, long total) {
    if (total > LISTED) {
      md.append("- … and ").append(total - LISTED).append(" more\n");
    }
  }

  /** Text safe inside a table cell or code span on one line. */
  private static String cell(String s) {
    return s.replace("|", "\\|").replace("`", "'").replace("\n", " ");
  }
}
