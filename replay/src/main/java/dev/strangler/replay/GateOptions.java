package dev.strangler.replay;

import dev.strangler.replay.report.Gate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code --fail-under} values: {@code PCT} (every route) or {@code route=PCT}, PCT in 0..100. */
final class GateOptions {
  private GateOptions() {}

  /**
   * @throws IllegalArgumentException for a value that is not a percentage or names an unknown route
   */
  static Gate parse(List<String> values, Set<String> routeIds) {
    Double global = null;
    Map<String, Double> routes = new HashMap<>();
    for (String v : values) {
      int eq = v.lastIndexOf('=');
      if (eq < 0) {
        global = percent(v, v);
        continue;
      }
      String route = v.substring(0, eq);
      if (!routeIds.contains(route)) {
        throw new IllegalArgumentException("--fail-under " + v + ": routes.yaml has no route '" + route + "'");
      }
      routes.put(route, percent(v.substring(eq + 1), v));
    }
    return new Gate(global, routes);
  }

  private static double percent(String text, String whole) {
    String t = text.strip();
    if (t.endsWith("%")) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      double p = Double.parseDouble(t);
      if (p >= 0 && p <= 100) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--fail-under " + whole + ": expected a percentage from 0 to 100, as PCT or route=PCT");
  }
}
