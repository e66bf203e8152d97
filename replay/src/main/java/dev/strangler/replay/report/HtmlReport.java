package dev.strangler.replay.report;

import dev.strangler.compare.Diff;
import dev.strangler.compare.DiffKind;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.SideResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * Writes report.html: one self-contained page (inline CSS, no scripts, no external assets) with
 * per-route totals and parity, the top fingerprint groups of each route with one example shown
 * side by side — legacy core against new core, pretty-printed, the differing paths marked — and
 * the problems and skipped inputs by file:line.
 */
public final class HtmlReport {
  private static final Set<DiffKind> ON_LEGACY = Set.of(DiffKind.CHANGED, DiffKind.TYPE_CHANGED, DiffKind.MISSING);
  private static final Set<DiffKind> ON_NEW = Set.of(DiffKind.CHANGED, DiffKind.TYPE_CHANGED, DiffKind.UNEXPECTED);
  private static final String CSS = """
      body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1f2328}
      h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #d0d7de}
      table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.3em .6em}
      td.n{text-align:right}tr.fail td{background:#ffebe9}tr.total td{font-weight:bold}
      code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
      .pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1em}
      pre{background:#f6f8fa;padding:.8em;overflow:auto;margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
      mark.diff{background:#ffd7d5;border-radius:3px}
      .group{border:1px solid #d0d7de;border-radius:6px;padding:1em;margin:1em 0}
      .ok{color:#1a7f37}.bad{color:#cf222e;font-weight:bold}
      """;

  private HtmlReport() {}

  public static void write(Report r, Writer out) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Replay report</title>\n<style>")
        .append(CSS).append("</style></head><body>\n<h1>Replay report</h1>\n<ul>");
    h.append("<li>Generated at: ").append(Describe.generatedAt(r.run())).append("</li>");
    h.append("<li>Mode: ").append(HtmlEscape.escape(Describe.run(r.run()))).append("</li>");
    h.append("<li>Result: <span class=\"").append(r.complete() && r.gatePassed() ? "ok" : "bad").append("\">")
        .append(HtmlEscape.escape(Describe.status(r))).append("</span></li></ul>\n");
    routes(r, h);
    groups(r, h);
    notes(r, h);
    h.append("</body></html>\n");
    out.write(h.toString());
  }

  private static void routes(Report r, StringBuilder h) {
    h.append("<h2>Routes</h2>\n<table><tr><th>route</th><th>requests</th><th>match</th><th>diff</th>")
        .append("<th>extract_failed</th><th>shadow_error</th><th>skipped</th><th>noise</th><th>parity</th><th>gate</th></tr>\n");
    for (Report.RouteReport route : r.routes()) {
      row(h, route.passed() ? "" : "fail", "<code>" + HtmlEscape.escape(route.route()) + "</code>", route.counts(),
          Describe.gate(route));
    }
    row(h, "total", "total", r.totals(), "");
    h.append("</table>\n");
  }

  private static void row(StringBuilder h, String cls, String name, Counts c, String gate) {
    h.append("<tr class=\"").append(cls).append("\"><td>").append(name).append("</td>");
    long[] counts = {c.requests(), c.match(), c.diff(), c.extractFailed(), c.shadowError(), c.skipped(), c.noise()};
    for (long n : counts) {
      h.append("<td class=\"n\">").append(n).append("</td>");
    }
    h.append("<td class=\"n\">").append(Percent.of(c.parity())).append("</td><td>").append(HtmlEscape.escape(gate))
        .append("</td></tr>\n");
  }

  private static void groups(Report r, StringBuilder h) {
    h.append("<h2>Top discrepancies</h2>\n");
    boolean any = false;
    for (Report.RouteReport route : r.routes()) {
      if (route.groups().isEmpty()) {
        continue;
      }
      any = true;
      h.append("<h3><code>").append(HtmlEscape.escape(route.route())).append("</code></h3>\n");
      route.groups().forEach(g -> group(g, h));
    }
    if (!any) {
      h.append("<p>None.</p>\n");
    }
  }

  private static void group(Report.Group g, StringBuilder h) {
    DiscrepancyRecord e = g.example().record();
    h.append("<div class=\"group\"><h4><code>").append(HtmlEscape.escape(g.fingerprint())).append("</code> — ")
        .append(g.outcome().id()).append(" × ").append(g.count()).append("</h4>\n");
    h.append("<p>Example: <code>").append(HtmlEscape.escape(Describe.request(e))).append("</code> (")
        .append(HtmlEscape.escape(g.example().position().toString())).append(")</p>\n");
    if (e.reason() != null) {
      h.append("<p>Reason: ").append(HtmlEscape.escape(e.reason())).append("</p>\n");
    }
    if (!e.diffs().isEmpty()) {
      h.append("<table><tr><th>path</th><th>kind</th><th>legacy</th><th>new</th></tr>\n");
      for (Diff d : e.diffs()) {
        h.append("<tr><td><code class=\"path\">").append(HtmlEscape.escape(d.path())).append("</code></td><td>")
            .append(d.kind().id()).append("</td><td><code>").append(HtmlEscape.escape(Describe.value(d, true)))
            .append("</code></td><td><code>").append(HtmlEscape.escape(Describe.value(d, false))).append("</code></td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("<div class=\"pair\">");
    side(h, "legacy", e.legacy(), paths(e.diffs(), ON_LEGACY));
    side(h, "new", e.fresh(), paths(e.diffs(), ON_NEW));
    h.append("</div></div>\n");
  }

  private static void side(StringBuilder h, String name, SideResult s, List<String> paths) {
    h.append("<div><h5>").append(name).append(" — status ").append(HtmlEscape.escape(Describe.status(s)))
        .append("</h5><pre>");
    h.append(s == null || s.core() == null ? "<i>(no core output)</i>" : JsonHtml.render(s.core(), paths));
    h.append("</pre></div>");
  }

  private static List<String> paths(List<Diff> diffs, Set<DiffKind> kinds) {
    return diffs.stream().filter(d -> kinds.contains(d.kind())).map(Diff::path).toList();
  }

  private static void notes(Report r, StringBuilder h) {
    h.append("<h2>Problems (").append(r.problems().size()).append(")</h2>\n");
    list(h, r.problems().stream().limit(MarkdownReport.LISTED)
        .map(p -> note(p.position().toString(), p.reason())).toList());
    long total = r.skippedByReason().values().stream().mapToLong(Long::longValue).sum();
    h.append("<h2>Skipped (").append(total).append(")</h2>\n");
    list(h, r.skippedByReason().entrySet().stream()
        .map(e -> HtmlEscape.escape(e.getKey()) + ": " + e.getValue()).toList());
    list(h, r.skipped().stream().limit(MarkdownReport.LISTED)
        .map(s -> note(s.position().toString(), s.route() + ": " + s.reason())).toList());
  }

  private static String note(String where, String what) {
    return "<code>" + HtmlEscape.escape(where) + "</code> " + HtmlEscape.escape(what);
  }

  private static void list(StringBuilder h, List<String> items) {
    if (!items.isEmpty()) {
      h.append("<ul>");
      items.forEach(i -> h.append("<li>").append(i).append("</li>"));
      h.append("</ul>\n");
    }
  }
}
