package dev.strangler.replay.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.compare.Diff;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.SideResult;
import dev.strangler.replay.input.InputSummary;
import dev.strangler.replay.input.Position;
import dev.strangler.replay.input.Problem;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes report.json. Apart from {@code generated_at} it holds nothing that depends on the
 * clock or the thread schedule: no latencies, lists in input order, parity as a fraction.
 */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static void write(Report r, Writer out) throws IOException {
    MAPPER.writeValue(out, tree(r));
  }

  /** The report as a JSON tree. */
  public static ObjectNode tree(Report r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("generated_at", Describe.generatedAt(r.run()));
    o.put("command", r.run().command());
    o.put("against_recorded", r.run().againstRecorded());
    o.put("legacy", r.run().legacy());
    o.put("new", r.run().fresh());
    o.put("complete", r.complete());
    o.put("interrupted", r.run().interrupted());
    o.put("gate_passed", r.gatePassed());
    ArrayNode inputs = o.putArray("inputs");
    for (InputSummary s : r.run().inputs()) {
      inputs.addObject().put("file", s.file()).put("format", s.format()).put("items", s.items())
          .put("problems", s.problems());
    }
    o.set("totals", counts(r.totals()));
    ArrayNode routes = o.putArray("routes");
    for (Report.RouteReport route : r.routes()) {
      ObjectNode n = routes.addObject().put("route", route.route());
      n.setAll(counts(route.counts()));
      n.put("min_parity_pct", route.threshold());
      n.put("passed", route.passed());
      ArrayNode groups = n.putArray("groups");
      for (Report.Group g : route.groups()) {
        groups.addObject().put("fingerprint", g.fingerprint()).put("outcome", g.outcome().id())
            .put("count", g.count()).set("example", example(g.example()));
      }
    }
    ArrayNode noise = o.putArray("noise");
    r.noise().forEach(n -> noise.add(n.toJson()));
    ArrayNode problems = o.putArray("problems");
    for (Problem p : r.problems()) {
      position(problems.addObject(), p.position()).put("reason", p.reason());
    }
    ObjectNode skipped = o.putObject("skipped");
    r.skippedByReason().forEach(skipped.putObject("by_reason")::put);
    ArrayNode listed = skipped.putArray("listed");
    for (SkipNote s : r.skipped()) {
      position(listed.addObject(), s.position()).put("route", s.route()).put("reason", s.reason());
    }
    return o;
  }

  private static ObjectNode counts(Counts c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("requests", c.requests()).put("match", c.match()).put("diff", c.diff())
        .put("extract_failed", c.extractFailed()).put("shadow_error", c.shadowError()).put("skipped", c.skipped());
    n.put("noise", c.noise()).put("parity", c.parity());
    return n;
  }

  private static ObjectNode position(ObjectNode n, Position p) {
    return n.put("file", p.file()).put("line", p.line());
  }

  /** An example record without its latencies. */
  private static ObjectNode example(Located l) {
    DiscrepancyRecord r = l.record();
    ObjectNode n = position(MAPPER.createObjectNode(), l.position());
    n.put("id", r.id()).put("method", r.method()).put("path", r.path()).put("query", r.query());
    n.put("reason", r.reason());
    n.set("legacy", side(r.legacy()));
    n.set("new", side(r.fresh()));
    ArrayNode diffs = n.putArray("diffs");
    for (Diff d : r.diffs()) {
      diffs.addObject().put("path", d.path()).put("kind", d.kind().id())
          .<ObjectNode>set("legacy", d.legacy()).set("new", d.fresh());
    }
    return n;
  }

  private static JsonNode side(SideResult s) {
    if (s == null) {
      return MAPPER.nullNode();
    }
    ObjectNode n = MAPPER.createObjectNode();
    n.put("status", s.status());
    n.set("core", s.core());
    n.put("error", s.error());
    return n;
  }
}
