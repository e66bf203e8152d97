package dev.strangler.noise;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.compare.Diff;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.NoiseConfig;
import dev.strangler.record.DiscrepancyRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What was learned about a route's noise and the compare rules it suggests: the body of
 * {@code GET /admin/routes/{id}/noise} and the output of {@code replay suggest}.
 *
 * @param route         the route id
 * @param observations  same-side pairs compared
 * @param paths         every (shape, kind) that differed within one side, most noisy first
 * @param suggestedYaml a {@code compare:} block: the route's rules plus {@code ignore} for learned
 *                      noise and for values that are timestamps near the request time, UUIDs or
 *                      request-id echoes, {@code tolerance} for numbers within a relative
 *                      {@value ValueClass#RELATIVE}, {@code unordered} for arrays that differ
 *                      only in order
 */
public record NoiseReport(String route, long observations, List<PathNoise> paths, String suggestedYaml) {

  /**
   * One (shape, kind) that differed within one side.
   *
   * @param noise whether it counts as noise now (rate and observations under the route's rule)
   */
  public record PathNoise(String path, String kind, long observed, long differed, double rate, boolean noise) {}

  /**
   * The JSON form: {@code {"route", "observations", "paths": [{"path", "kind", "observed",
   * "differed", "rate", "noise"}], "suggested_yaml"}}.
   */
  public ObjectNode toJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("route", route);
    body.put("observations", observations);
    var list = body.putArray("paths");
    for (PathNoise p : paths) {
      list.addObject().put("path", p.path()).put("kind", p.kind()).put("observed", p.observed())
          .put("differed", p.differed()).put("rate", p.rate()).put("noise", p.noise());
    }
    body.put("suggested_yaml", suggestedYaml);
    return body;
  }

  /**
   * Builds the report.
   *
   * @param counts   the route's noise counts
   * @param rule     the route's noise rule (min-observations)
   * @param examples records of the route whose diffs' values are classified (masked as stored)
   * @param current  the route's compare rules, kept in the suggestion; null when unknown
   */
  public static NoiseReport of(String route, NoiseCounts counts, NoiseConfig rule, List<DiscrepancyRecord> examples,
      CompareConfig current) {
    List<PathNoise> paths = new ArrayList<>();
    Set<String> ignore = new LinkedHashSet<>();
    counts.differed().forEach((sk, differed) -> {
      long observed = Math.max(counts.observed(sk.shape()), differed);
      boolean noise = rule.isNoise(counts.observed(sk.shape()), differed);
      paths.add(new PathNoise(sk.shape(), sk.kind().id(), observed, differed, (double) differed / observed, noise));
    });
    paths.sort(Comparator.comparingDouble(PathNoise::rate).reversed().thenComparing(PathNoise::path)
        .thenComparing(PathNoise::kind));
    paths.stream().filter(PathNoise::noise).forEach(p -> ignore.add(p.path()));
    Set<String> unordered = new LinkedHashSet<>();
    Map<String, Double> tolerance = new TreeMap<>();
    for (ValueClass v : classes(examples)) {
      switch (v.rule()) {
        case "ignore" -> ignore.add(v.path());
        case "unordered" -> unordered.add(v.path());
        default -> tolerance.merge(v.path(), roundUp(v.amount()), Math::max);
      }
    }
    return new NoiseReport(route, counts.observations(), List.copyOf(paths), yaml(current, ignore, unordered, tolerance));
  }

  /** The classes of the examples' diffs, one per shape whose classified diffs all agree. */
  private static List<ValueClass> classes(List<DiscrepancyRecord> examples) {
    Map<String, ValueClass> byShape = new HashMap<>();
    Set<String> mixed = new LinkedHashSet<>();
    for (DiscrepancyRecord r : examples) {
      for (Diff d : r.diffs()) {
        ValueClass.of(r, d).ifPresentOrElse(v -> byShape.merge(d.shape(), v, (x, y) -> {
          if (!x.rule().equals(y.rule())) {
            mixed.add(d.shape());
          }
          return x.amount() >= y.amount() ? x : y;
        }), () -> mixed.add(d.shape()));
      }
    }
    mixed.forEach(byShape::remove);
    List<ValueClass> out = new ArrayList<>(byShape.values());
    out.sort(Comparator.comparing(ValueClass::path));
    return out;
  }

  /** A tolerance a little above the largest difference seen: one significant digit, rounded up. */
  private static double roundUp(double delta) {
    if (delta <= 0) {
      return 0;
    }
    double unit = Math.pow(10, Math.floor(Math.log10(delta)));
    return BigDecimal.valueOf(Math.ceil(delta / unit)).multiply(BigDecimal.valueOf(unit)).doubleValue();
  }

  private static String yaml(CompareConfig current, Set<String> ignore, Set<String> unordered,
      Map<String, Double> tolerance) {
    Set<String> allIgnore = new LinkedHashSet<>(current == null ? List.of() : current.ignore());
    allIgnore.addAll(ignore);
    Set<String> allUnordered = new LinkedHashSet<>(current == null ? List.of() : current.unordered());
    allUnordered.addAll(unordered);
    Map<String, Double> allTolerance = new TreeMap<>(current == null ? Map.of() : current.tolerance());
    tolerance.forEach((k, v) -> allTolerance.merge(k, v, Math::max));
    StringBuilder y = new StringBuilder("compare:\n");
    if (current != null) {
      y.append("  mode: ").append(current.mode().id()).append('\n');
    }
    list(y, "ignore", allIgnore);
    list(y, "unordered", allUnordered);
    if (current != null && !current.keyed().isEmpty()) {
      map(y, "keyed", new TreeMap<>(current.keyed()));
    }
    if (!allTolerance.isEmpty()) {
      map(y, "tolerance", allTolerance);
    }
    return y.toString();
  }

  private static void list(StringBuilder y, String key, Set<String> items) {
    if (!items.isEmpty()) {
      y.append("  ").append(key).append(": [")
          .append(String.join(", ", items.stream().map(NoiseReport::quoted).toList())).append("]\n");
    }
  }

  private static void map(StringBuilder y, String key, Map<String, ?> entries) {
    List<String> parts = new ArrayList<>();
    entries.forEach((k, v) -> parts.add(quoted(k) + ": " + (v instanceof Double d
        ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : quoted(String.valueOf(v)))));
    y.append("  ").append(key).append(": {").append(String.join(", ", parts)).append("}\n");
  }

  private static String quoted(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }
}
