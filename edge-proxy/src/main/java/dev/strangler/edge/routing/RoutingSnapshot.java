package dev.strangler.edge.routing;

import dev.strangler.config.EdgeConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.routing.RouteTable;
import dev.strangler.routing.Side;
import dev.strangler.routing.StickyBuckets;
import dev.strangler.routing.Weight;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable view of the routing state: the config, its compiled table and the operator's
 * overrides (a weight per changed route). The data plane reads one snapshot per request; a flip,
 * a weight change or a reload swaps in a new one.
 */
public record RoutingSnapshot(EdgeConfig config, RouteTable table, Map<String, Weight> overrides) {

  public RoutingSnapshot {
    overrides = Map.copyOf(overrides);
  }

  /** Builds the snapshot for a config and the stored overrides. */
  public static RoutingSnapshot of(EdgeConfig config, Map<String, Weight> overrides) {
    return new RoutingSnapshot(config, RouteTable.of(config.routes()), overrides);
  }

  /** The weight in force on this route: the override if any, else the config's primary. */
  public Weight weightOf(RouteConfig route) {
    Weight w = overrides.get(route.id());
    return w != null ? w : Weight.of(route.primary());
  }

  /**
   * The route's primary as the admin API names it ({@link Weight#primary()}): new only while it
   * serves every user.
   */
  public Side primaryOf(RouteConfig route) {
    return weightOf(route).primary();
  }

  /**
   * The side that serves this request: under a partial weight, by the bucket of the request's
   * sticky key ({@link StickyKeys}); otherwise the one side in force. Cheap, never blocks.
   *
   * @param clientAddress the client's address, the key of a request without its sticky key
   */
  public Side sideOf(RouteConfig route, HttpHeaders headers, String clientAddress) {
    Weight w = weightOf(route);
    if (!w.partial()) {
      return w.primary();
    }
    return w.sideOf(StickyBuckets.bucket(route.id(), StickyKeys.of(route.sticky(), headers, clientAddress)));
  }

  /** Whether the state of this route comes from an operator override. */
  public boolean overridden(String routeId) {
    return overrides.containsKey(routeId);
  }

  /** The route with this id, if the config has one. */
  public Optional<RouteConfig> route(String id) {
    return config.routes().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The same config with a different override set. */
  RoutingSnapshot withOverrides(Map<String, Weight> newOverrides) {
    return new RoutingSnapshot(config, table, newOverrides);
  }
}
