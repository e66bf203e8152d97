package dev.strangler.edge.metrics;

import dev.strangler.edge.proxy.ExchangeObserver;
import dev.strangler.routing.Side;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The edge's request metrics in a Prometheus registry. The data plane calls it on its event
 * loops, so every recording method is non-blocking: meters are created once per route, side and
 * label value and cached. Route labels must be configured route ids or {@code "unmatched"},
 * never raw paths, so that the series stay bounded.
 *
 * <p>Exposed series: {@code edge_requests_total{route,side,status_class}},
 * {@code edge_request_duration_seconds{route,side}} (histogram; the timer also keeps p50/p99 over
 * the last five minutes for {@link #sides}),
 * {@code edge_requests_in_flight{route,side}}, {@code edge_rejected_total{status,reason}} and
 * {@code edge_upstream_errors_total{route,side,reason}}.
 */
public final class EdgeMetrics implements ExchangeObserver {
  /** Content type of {@link #scrape()}: Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final RouteCounters NOTHING_YET =
      new RouteCounters(0, Map.of(), Map.of(Side.LEGACY, 0L, Side.NEW, 0L), 0, 0);

  private record Rejection(int status, String reason) {}

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ConcurrentHashMap<String, SideMeters[]> routes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Rejection, Counter> rejections = new ConcurrentHashMap<>();
  private final MirroredAnswers mirrored = new MirroredAnswers(registry);

  /** A request was routed to a side and sent (in-flight +1). */
  @Override
  public void started(String route, Side side) {
    meters(route, side).started();
  }

  /** A request that {@link #started} has been answered with this status (in-flight -1). */
  @Override
  public void finished(String route, Side side, int status, long durationNanos) {
    meters(route, side).finished(status, durationNanos);
  }

  /** A request was refused before routing (oversize, smuggling shape, ...). */
  @Override
  public void rejected(int status, String reason) {
    Rejection key = new Rejection(status, reason);
    Counter c = rejections.get(key);
    if (c == null) {
      c = rejections.computeIfAbsent(key, k -> Counter.builder("edge.rejected")
          .description("Requests refused before routing")
          .tag("status", Integer.toString(k.status()))
          .tag("reason", k.reason())
          .register(registry));
    }
    c.increment();
  }

  /** An upstream failed for a request (connect failure, timeout, broken response). */
  @Override
  public void upstreamError(String route, Side side, String reason) {
    meters(route, side).upstreamError(reason);
  }

  /** The counters of one route (all zero for a route never seen). */
  public RouteCounters counters(String route) {
    SideMeters[] sides = routes.get(route);
    if (sides == null) {
      return NOTHING_YET;
    }
    Map<String, Long> byClass = new TreeMap<>();
    Map<Side, Long> bySide = new EnumMap<>(Side.class);
    long total = 0;
    int inFlight = 0;
    long upstreamErrors = 0;
    for (Side side : Side.values()) {
      SideMeters m = sides[side.ordinal()];
      long sideTotal = 0;
      for (StatusClass sc : StatusClass.values()) {
        long n = m.count(sc);
        if (n > 0) {
          byClass.merge(sc.label(), n, Long::sum);
          sideTotal += n;
        }
      }
      bySide.put(side, sideTotal);
      total += sideTotal;
      inFlight += m.inFlight();
      upstreamErrors += m.upstreamErrors();
    }
    return new RouteCounters(total, byClass, bySide, inFlight, upstreamErrors);
  }

  /** Per side of one route: answers, 5xx answers and recent p50/p99 (empty for a route never seen). */
  public Map<Side, SideStats> sides(String route) {
    SideMeters[] sides = routes.get(route);
    Map<Side, SideStats> out = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      out.put(side, sides == null ? SideStats.NONE : sides[side.ordinal()].stats());
    }
    return out;
  }

  /** Per side of one route: what it answered as the shadow ({@link MirroredAnswers}). */
  public Map<Side, SideStats> mirrored(String route) {
    return mirrored.stats(route);
  }

  /** All metrics in the Prometheus text format ({@link #CONTENT_TYPE}). */
  public String scrape() {
    return registry.scrape(CONTENT_TYPE);
  }

  /** The underlying registry, for components that add their own meters. */
  public MeterRegistry registry() {
    return registry;
  }

  private SideMeters meters(String route, Side side) {
    SideMeters[] sides = routes.get(route);
    if (sides == null) {
      sides = routes.computeIfAbsent(route, this::newRoute);
    }
    return sides[side.ordinal()];
  }

  private SideMeters[] newRoute(String route) {
    SideMeters[] sides = new SideMeters[Side.values().length];
    for (Side side : Side.values()) {
      sides[side.ordinal()] = new SideMeters(registry, route, side);
    }
    return sides;
  }
}
