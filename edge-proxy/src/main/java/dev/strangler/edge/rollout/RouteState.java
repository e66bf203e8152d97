package dev.strangler.edge.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A route as {@code GET /admin/routes} shows it to the rollout.
 *
 * @param weight percentage of users on new in force
 * @param parity match rate over the parity window, or null while nothing was judged
 */
record RouteState(int weight, Double parity) {
  static RouteState of(JsonNode route) {
    JsonNode parity = route.path("parity");
    return new RouteState(route.path("weight").path("new").asInt(), parity.isNumber() ? parity.asDouble() : null);
  }

  /** {@code parity 99.8%} or {@code parity n/a}. */
  String parityText() {
    return parity == null ? "parity n/a" : String.format(Locale.ROOT, "parity %.1f%%", parity * 100);
  }
}
