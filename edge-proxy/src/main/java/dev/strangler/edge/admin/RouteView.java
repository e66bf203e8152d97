package dev.strangler.edge.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.strangler.config.MatchConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.config.ShadowConfig;
import dev.strangler.config.StickyConfig;
import dev.strangler.edge.metrics.RouteCounters;
import dev.strangler.edge.metrics.SideStats;
import dev.strangler.edge.mirror.ShadowOutcomes;
import dev.strangler.edge.routing.RoutingSnapshot;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import dev.strangler.routing.Weight;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One route of {@code GET /admin/routes}: its match, the primary in force and where it comes
 * from, its shadowing, its counters, its parity (match rate over the parity window, null while
 * nothing was judged in it), its shadow outcome counts since start, the weight in force (always
 * present: 0 is everyone on legacy, 100 everyone on new), what tells its users apart, and per
 * side what this instance answered (count, 5xx rate, recent p50/p99).
 */
@Serdeable
record RouteView(
    String id,
    Match match,
    String primary,
    @JsonProperty("configured_primary") String configuredPrimary,
    String source,
    Shadow shadow,
    Counters counters,
    @Nullable Double parity,
    Map<String, Long> outcomes,
    WeightView weight,
    String sticky,
    Map<String, SideView> sides) {

  /**
   * One side's answers on this instance as the served side: count, 5xx, their rate, and recent
   * p50/p99 in ms; and the same of its answers as the shadow ({@code mirrored}).
   */
  @Serdeable
  record SideView(@JsonUnwrapped Figures served, Figures mirrored) {
    static SideView of(SideStats served, SideStats mirrored) {
      return new SideView(Figures.of(served), Figures.of(mirrored));
    }
  }

  /** Counts, error rate and recent percentiles of one side in one role. */
  @Serdeable
  record Figures(
      long answered,
      long errors,
      @JsonProperty("error_rate") @Nullable Double errorRate,
      @JsonProperty("p50_ms") @Nullable Double p50Millis,
      @JsonProperty("p99_ms") @Nullable Double p99Millis) {

    static Figures of(SideStats s) {
      Double rate = s.answered() == 0 ? null : (double) s.errors() / s.answered();
      return new Figures(s.answered(), s.errors(), rate, s.p50Millis(), s.p99Millis());
    }
  }

  /** {@code {"new": 20}}: the percentage of users served by the new side. */
  @Serdeable
  record WeightView(@JsonProperty("new") int toNew) {
    static WeightView of(Weight w) {
      return new WeightView(w.toNew());
    }
  }

  @Serdeable
  record Match(String path, List<String> methods, @Nullable String host) {
    static Match of(MatchConfig m) {
      return new Match(m.path(), sorted(m.methods()), m.host());
    }
  }

  @Serdeable
  record Shadow(boolean enabled, double sample, List<String> methods) {
    static Shadow of(ShadowConfig s) {
      return new Shadow(s.enabled(), s.sample(), sorted(s.methods()));
    }
  }

  @Serdeable
  record Counters(
      long total,
      @JsonProperty("in_flight") int inFlight,
      @JsonProperty("upstream_errors") long upstreamErrors,
      @JsonProperty("status_class") Map<String, Long> statusClass,
      Map<String, Long> side) {

    static Counters of(RouteCounters c) {
      Map<String, Long> bySide = new TreeMap<>();
      c.bySide().forEach((side, n) -> bySide.put(side.id(), n));
      return new Counters(
          c.total(), c.inFlight(), c.upstreamErrors(), new TreeMap<>(c.byStatusClass()), bySide);
    }
  }

  static RouteView of(
      RouteConfig route,
      RoutingSnapshot snapshot,
      RouteCounters counters,
      Map<Side, SideStats> sides,
      Map<Side, SideStats> mirrored,
      ShadowOutcomes outcomes) {
    double parity = outcomes.parity(route.id());
    return new RouteView(
        route.id(),
        Match.of(route.match()),
        snapshot.primaryOf(route).id(),
        route.primary().id(),
        snapshot.overridden(route.id()) ? "override" : "config",
        Shadow.of(route.shadow()),
        Counters.of(counters),
        Double.isNaN(parity) ? null : parity,
        byId(outcomes.counts(route.id())),
        WeightView.of(snapshot.weightOf(route)),
        sticky(route.sticky()),
        bySide(sides, mirrored));
  }

  private static Map<String, SideView> bySide(Map<Side, SideStats> sides, Map<Side, SideStats> mirrored) {
    Map<String, SideView> out = new TreeMap<>();
    sides.forEach((side, s) -> out.put(side.id(), SideView.of(s, mirrored.getOrDefault(side, SideStats.NONE))));
    return out;
  }

  /** {@code cookie:NAME}, {@code header:NAME} or {@code address}. */
  private static String sticky(StickyConfig s) {
    return s.kind() == StickyConfig.Kind.ADDRESS ? "address" : s.kind().name().toLowerCase(Locale.ROOT) + ":" + s.name();
  }

  /** Every outcome, in {@link Outcome} order. */
  private static Map<String, Long> byId(Map<Outcome, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      out.put(o.id(), counts.getOrDefault(o, 0L));
    }
    return out;
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
