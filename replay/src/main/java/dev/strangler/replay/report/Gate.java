package dev.strangler.replay.report;

import dev.strangler.replay.step.Selection;
import java.util.Map;
import java.util.Optional;

/**
 * The cutover gate: minimum parity in percent, for every route ({@code --fail-under 99}) or for
 * one ({@code --fail-under post-read=99.5}, overriding the global one). A route under its
 * minimum fails the gate. The global minimum leaves alone routes without compared requests and
 * items no route matched; a per-route minimum fails a route without compared requests, since
 * its parity is unproven.
 *
 * @param global minimum for every route in percent; null for none
 * @param routes minimum per route id in percent
 */
public record Gate(Double global, Map<String, Double> routes) {
  /** No gate. */
  public static final Gate NONE = new Gate(null, Map.of());

  public Gate {
    routes = Map.copyOf(routes);
  }

  /** The minimum parity of a route in percent, if any. */
  public Optional<Double> threshold(String route) {
    if (routes.containsKey(route)) {
      return Optional.of(routes.get(route));
    }
    return route.equals(Selection.NO_ROUTE) ? Optional.empty() : Optional.ofNullable(global);
  }

  /** Whether a route with these counts passes. */
  public boolean passes(String route, Counts counts) {
    Optional<Double> min = threshold(route);
    if (min.isEmpty()) {
      return true;
    }
    Double parity = counts.parity();
    if (parity == null) {
      return !routes.containsKey(route);
    }
    return parity * 100 >= min.get() - 1e-9;
  }
}
