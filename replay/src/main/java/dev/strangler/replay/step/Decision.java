package dev.strangler.replay.step;

import dev.strangler.config.RouteConfig;

/** What to do with one input item. */
public sealed interface Decision {

  /** Left out by a --methods or --routes filter: not counted at all. */
  record Filtered() implements Decision {}

  /**
   * Counted under a route as skipped.
   *
   * @param route  the route id, or {@link Selection#NO_ROUTE}
   * @param reason a short, stable reason such as {@code no-route} or {@code write-method}
   */
  record Skip(String route, String reason) implements Decision {}

  /**
   * To be judged under a route.
   *
   * @param route the route
   */
  record Judge(RouteConfig route) implements Decision {}
}
