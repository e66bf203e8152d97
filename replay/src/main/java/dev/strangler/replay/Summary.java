package dev.strangler.replay;

import dev.strangler.replay.report.Percent;
import dev.strangler.replay.report.Report;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** The few lines a finished run prints: where the report is, parity per route, the verdict. */
final class Summary {
  private Summary() {}

  static void print(Report r, Path dir, PrintStream out) {
    out.println("replay: report in " + dir + " (report.html, report.md, report.json, discrepancies.jsonl)");
    for (Report.RouteReport route : r.routes()) {
      out.printf(Locale.ROOT, "  %-24s %6d requests  parity %8s%s%n", route.route(), route.counts().requests(),
          Percent.of(route.counts().parity()), route.threshold() == null ? ""
              : (route.passed() ? "  pass" : "  FAIL") + " (min " + Percent.threshold(route.threshold()) + ")");
    }
    if (!r.problems().isEmpty()) {
      out.println("replay: problems: " + r.problems().size() + "; the first: " + r.problems().get(0).position()
          + " " + r.problems().get(0).reason());
    }
    out.println("replay: " + (r.complete() ? "complete" : r.run().interrupted() ? "interrupted" : "INCOMPLETE")
        + "; gate " + (r.gatePassed() ? "passed" : "FAILED"));
  }
}
