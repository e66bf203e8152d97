package dev.strangler.edge.mirror;

import dev.strangler.record.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outcome counters of every route ({@code edge_shadow_total}), why requests were skipped,
 * dropped or failed ({@code edge_shadow_reasons_total}), and each route's parity window
 * ({@code edge_shadow_parity}). The outcome ledger counts each mirror-eligible request here once.
 * Labels are bounded: configured route ids, the six outcomes and a fixed set of reasons.
 */
public final class ShadowOutcomes {
  private final MeterRegistry registry;
  private final Duration window;
  private final ConcurrentHashMap<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<Outcome, ConcurrentHashMap<String, Counter>> reasons = new EnumMap<>(Outcome.class);
  private final ConcurrentHashMap<String, Counter> repeats = new ConcurrentHashMap<>();

  /** One route's outcome counters and parity window. */
  private final class Route {
    final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    final ParityWindow parity = new ParityWindow(window.toMillis(), 60);

    Route(String id) {
      for (Outcome o : Outcome.values()) {
        counters.put(o, Counter.builder("edge_shadow_total").description("Mirror-eligible requests by outcome")
            .tag("route", id).tag("outcome", o.id()).register(registry));
      }
      Gauge.builder("edge_shadow_parity", this, r -> r.parity.parity(System.currentTimeMillis()))
          .description("Match rate of judged comparisons over the parity window")
          .tag("route", id).register(registry);
    }
  }

  public ShadowOutcomes(MeterRegistry registry, Duration window) {
    this.registry = registry;
    this.window = window;
    for (Outcome o : Outcome.values()) {
      reasons.put(o, new ConcurrentHashMap<>());
    }
  }

  /** Counts one outcome; {@code reason} (may be null) says why for skipped, dropped and errors. */
  public void count(String route, Outcome outcome, String reason) {
    Route r = routes.computeIfAbsent(route, Route::new);
    r.counters.get(outcome).increment();
    switch (outcome) {
      case MATCH, NOISE -> r.parity.record(true, System.currentTimeMillis());
      case DIFF, EXTRACT_FAILED -> r.parity.record(false, System.currentTimeMillis());
      default -> {}
    }
    if (reason != null) {
      reasons.get(outcome).computeIfAbsent(reason, k -> Counter.builder("edge_shadow_reasons_total")
          .description("Why mirror-eligible requests were skipped, dropped or failed")
          .tag("outcome", outcome.id()).tag("reason", reason).register(registry)).increment();
    }
  }

  /**
   * Counts a noise repeat ({@code edge_noise_repeats_total{route,result}}): {@code sent} to the
   * serving side, or {@code shed} for want of an in-flight slot.
   */
  public void repeat(String route, String result) {
    repeats.computeIfAbsent(route + "\n" + result, k -> Counter.builder("edge_noise_repeats_total")
        .description("Requests asked a second time of their serving side for noise learning")
        .tag("route", route).tag("result", result).register(registry)).increment();
  }

  /** Noise repeats of a route sent to its serving side since start. */
  public long repeatsSent(String route) {
    Counter c = repeats.get(route + "\nsent");
    return c == null ? 0 : (long) c.count();
  }

  /** Outcome counts of a route since start. */
  public Map<Outcome, Long> counts(String route) {
    Route r = routes.get(route);
    Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      out.put(o, r == null ? 0L : (long) r.counters.get(o).count());
    }
    return out;
  }

  /** The route's match rate over the window, or NaN when nothing was judged in it. */
  public double parity(String route) {
    Route r = routes.get(route);
    return r == null ? Double.NaN : r.parity.parity(System.currentTimeMillis());
  }
}
