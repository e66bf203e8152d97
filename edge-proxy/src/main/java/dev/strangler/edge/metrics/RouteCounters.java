package dev.strangler.edge.metrics;

import dev.strangler.routing.Side;
import java.util.Map;

/**
 * A route's request counters since the edge started.
 *
 * @param total          requests answered
 * @param byStatusClass  answered requests per status class ("2xx", "5xx", ...); classes never
 *                       seen are absent
 * @param bySide         answered requests per side
 * @param inFlight       requests received and not yet answered
 * @param upstreamErrors upstream failures (connect, timeout, broken response)
 */
public record RouteCounters(
    long total, Map<String, Long> byStatusClass, Map<Side, Long> bySide, int inFlight, long upstreamErrors) {

  public RouteCounters {
    byStatusClass = Map.copyOf(byStatusClass);
    bySide = Map.copyOf(bySide);
  }
}
