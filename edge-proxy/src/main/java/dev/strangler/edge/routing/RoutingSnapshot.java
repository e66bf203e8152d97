package dev.strangler.edge.routing;

import dev.strangler.config.EdgeConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.routing.RouteTable;
import dev.strangler.routing.Side;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable view of the routing state: the config, its compiled table and the operator's
 * cutover overrides. The data plane reads one snapshot per request; a flip or a reload swaps in
 * a new one.
 */
public record RoutingSnapshot(EdgeConfig config, RouteTable table, Map<String, Side> overrides) {

  public RoutingSnapshot {
    overrides = Map.copyOf(overrides);
  }

  /** Builds the snapshot for a config and the stored overrides. */
  public static RoutingSnapshot of(EdgeConfig config, Map<String, Side> overrides) {
    return new RoutingSnapshot(config, RouteTable.of(config.routes()), overrides);
  }

  /** The side that serves users on this route now: the override if any, else the config. */
  public Side primaryOf(RouteConfig route) {
    return overrides.getOrDefault(route.id(), route.primary());
  }

  /** Whether the primary of this route comes from an operator override. */
  public boolean overridden(String routeId) {
    return overrides.containsKey(routeId);
  }

  /** The route with this id, if the config has one. */
  public Optional<RouteConfig> route(String id) {
    return config.routes().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The same config with a different override set. */
  RoutingSnapshot withOverrides(Map<String, Side> newOverrides) {
    return new RoutingSnapshot(config, table, newOverrides);
  }
}
