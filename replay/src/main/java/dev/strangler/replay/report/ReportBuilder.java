package dev.strangler.replay.report;

import dev.strangler.noise.NoiseReport;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.replay.input.Problem;
import dev.strangler.replay.step.Selection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns a tally's snapshot into a {@link Report}, sorting everything into input order. */
public final class ReportBuilder {
  /** Fingerprint groups shown per route. */
  public static final int GROUPS_PER_ROUTE = 10;
  /** Skipped items listed one by one. */
  public static final int LISTED_SKIPS = 1000;

  private final List<String> routeOrder;
  private final Gate gate;
  private final Function<List<DiscrepancyRecord>, List<NoiseReport>> noise;

  /**
   * @param routeOrder the route ids of routes.yaml, in file order
   * @param gate       the cutover gate
   */
  public ReportBuilder(List<String> routeOrder, Gate gate) {
    this(routeOrder, gate, records -> List.of());
  }

  /**
   * @param noise what noise learning found, given the records that are not matches (for value
   *              classes)
   */
  public ReportBuilder(List<String> routeOrder, Gate gate, Function<List<DiscrepancyRecord>, List<NoiseReport>> noise) {
    this.routeOrder = List.copyOf(routeOrder);
    this.gate = gate;
    this.noise = noise;
  }

  public Report build(Tally.Snapshot s, RunInfo run) {
    List<Located> records = s.records().stream()
        .sorted(Comparator.comparing(Located::position))
        .toList();
    List<Problem> problems = s.problems().stream()
        .sorted(Comparator.comparing(Problem::position).thenComparing(Problem::reason))
        .toList();
    List<SkipNote> skipped = s.skipped().stream()
        .sorted(Comparator.comparing(SkipNote::position))
        .toList();
    Map<String, Long> byReason = new TreeMap<>(skipped.stream()
        .collect(Collectors.groupingBy(SkipNote::reason, Collectors.counting())));
    Counts totals = s.routes().values().stream().reduce(Counts.ZERO, Counts::plus);
    return new Report(run, totals, routes(s.routes(), records), records, problems,
        skipped.subList(0, Math.min(skipped.size(), LISTED_SKIPS)), byReason,
        noise.apply(records.stream().map(Located::record).toList()));
  }

  private List<Report.RouteReport> routes(Map<String, Counts> counts, List<Located> records) {
    Set<String> ids = new LinkedHashSet<>();
    routeOrder.stream().filter(id -> counts.containsKey(id) || gate.routes().containsKey(id)).forEach(ids::add);
    counts.keySet().stream().sorted().forEach(ids::add);
    gate.routes().keySet().stream().sorted().forEach(ids::add);
    ids.remove(Selection.NO_ROUTE);
    if (counts.containsKey(Selection.NO_ROUTE)) {
      ids.add(Selection.NO_ROUTE);
    }
    Map<String, List<Located>> byRoute = records.stream()
        .collect(Collectors.groupingBy(l -> l.record().route()));
    List<Report.RouteReport> out = new ArrayList<>();
    for (String id : ids) {
      Counts c = counts.getOrDefault(id, Counts.ZERO);
      out.add(new Report.RouteReport(id, c, gate.threshold(id).orElse(null), gate.passes(id, c),
          groups(byRoute.getOrDefault(id, List.of()))));
    }
    return out;
  }

  /** Groups by fingerprint, biggest first, then by fingerprint; each with its first record. */
  private static List<Report.Group> groups(List<Located> records) {
    Map<String, List<Located>> byFingerprint = records.stream()
        .collect(Collectors.groupingBy(l -> l.record().fingerprint(), TreeMap::new, Collectors.toList()));
    return byFingerprint.values().stream()
        .map(list -> new Report.Group(list.get(0).record().fingerprint(), list.get(0).record().outcome(),
            list.size(), list.get(0)))
        .sorted(Comparator.comparingLong(Report.Group::count).reversed()
            .thenComparing(Report.Group::fingerprint))
        .limit(GROUPS_PER_ROUTE)
        .toList();
  }
}
