package dev.strangler.replay.report;

import dev.strangler.compare.Diff;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.SideResult;
import dev.strangler.replay.step.Selection;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Sentences shared by the Markdown and HTML reports. */
final class Describe {
  private Describe() {}

  static String run(RunInfo run) {
    if (run.command().equals("rediff")) {
      return "rediff: stored pairs re-judged under the current rules, no network";
    }
    return run.againstRecorded()
        ? "run --against-recorded: new side " + run.fresh() + " against the recorded legacy answers"
        : "run: legacy " + run.legacy() + " against new " + run.fresh();
  }

  static String status(Report r) {
    String complete = r.complete() ? "complete"
        : "INCOMPLETE (problems: " + r.problems().size() + (r.run().interrupted() ? ", interrupted" : "") + ")";
    return complete + "; gate " + (r.gatePassed() ? "passed" : "FAILED");
  }

  static String generatedAt(RunInfo run) {
    return DateTimeFormatter.ISO_INSTANT.format(run.generatedAt().truncatedTo(ChronoUnit.MILLIS));
  }

  static String gate(Report.RouteReport route) {
    if (route.threshold() == null) {
      return route.route().equals(Selection.NO_ROUTE) ? "" : "-";
    }
    return (route.passed() ? "pass" : "FAIL") + " (min " + Percent.threshold(route.threshold()) + ")";
  }

  static String request(DiscrepancyRecord r) {
    return r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query());
  }

  static String status(SideResult s) {
    if (s == null) {
      return "not asked";
    }
    return s.status() == null ? "no answer: " + s.error() : String.valueOf(s.status());
  }

  static String value(Diff d, boolean legacy) {
    var v = legacy ? d.legacy() : d.fresh();
    return v == null ? "(absent)" : v.toString();
  }
}
