package dev.strangler.config;

import dev.strangler.rewrite.RequestRewrite;
import dev.strangler.routing.Side;
import java.util.Map;
import java.util.Objects;

/**
 * One route of routes.yaml with defaults already applied.
 *
 * @param id       unique route id
 * @param match    which requests it takes
 * @param primary  the side that serves users, as configured (an admin override may flip it)
 * @param shadow   mirroring to the other side
 * @param core     per side, how to extract the core output; a side without an entry is
 *                 compared on status only
 * @param compare  comparison rules
 * @param record   capture sampling
 * @param timeouts upstream timeouts for this route
 * @param line     1-based line of the route in routes.yaml (for messages)
 * @param rewrite  per side, how every request sent to it is rewritten; a side without an entry
 *                 gets the request as received
 * @param guard    the rollback guard, or null when the route has none
 * @param sticky   what tells this route's users apart under a partial weight
 */
public record RouteConfig(
    String id,
    MatchConfig match,
    Side primary,
    ShadowConfig shadow,
    Map<Side, CoreSpec> core,
    CompareConfig compare,
    RecordConfig record,
    Timeouts timeouts,
    int line,
    Map<Side, RequestRewrite> rewrite,
    GuardConfig guard,
    StickyConfig sticky) {

  public RouteConfig {
    core = Map.copyOf(core);
    rewrite = Map.copyOf(rewrite);
    Objects.requireNonNull(sticky, "sticky");
  }

  /** A route without a guard whose users are told apart by the client address. */
  public RouteConfig(String id, MatchConfig match, Side primary, ShadowConfig shadow, Map<Side, CoreSpec> core,
      CompareConfig compare, RecordConfig record, Timeouts timeouts, int line, Map<Side, RequestRewrite> rewrite) {
    this(id, match, primary, shadow, core, compare, record, timeouts, line, rewrite, null, StickyConfig.ADDRESS);
  }

  /** A route without rewrites. */
  public RouteConfig(String id, MatchConfig match, Side primary, ShadowConfig shadow, Map<Side, CoreSpec> core,
      CompareConfig compare, RecordConfig record, Timeouts timeouts, int line) {
    this(id, match, primary, shadow, core, compare, record, timeouts, line, Map.of());
  }

  /** The rewrite of requests sent to {@code side}, or null when they go as received. */
  public RequestRewrite rewriteOf(Side side) {
    return rewrite.get(side);
  }
}
