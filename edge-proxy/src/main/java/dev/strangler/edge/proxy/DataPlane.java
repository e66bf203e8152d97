package dev.strangler.edge.proxy;

import dev.strangler.config.Limits;
import dev.strangler.edge.mirror.Shadowing;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.edge.upstream.UpstreamPools;
import dev.strangler.edge.upstream.Upstreams;

/**
 * What every connection handler shares: the live routes, the upstream groups of the config in
 * force, the serving connection pools, the limits, the observer and the mirror side's tap.
 */
final class DataPlane {
  static final String CLIENT_DECODER = "decoder";
  static final String CLIENT_ENCODER = "encoder";

  private final LiveRoutes routes;
  private final UpstreamPools pools;
  private final ExchangeObserver observer;
  private final Shadowing shadowing;
  private volatile Upstreams upstreams;

  DataPlane(LiveRoutes routes, UpstreamPools pools, ExchangeObserver observer, Shadowing shadowing) {
    this.routes = routes;
    this.pools = pools;
    this.observer = observer;
    this.shadowing = shadowing;
    this.upstreams = Upstreams.of(routes.current().config());
  }

  /** Decides which requests are mirrored or recorded, and taps them. */
  Shadowing shadowing() {
    return shadowing;
  }

  LiveRoutes routes() {
    return routes;
  }

  UpstreamPools pools() {
    return pools;
  }

  ExchangeObserver observer() {
    return observer;
  }

  Limits limits() {
    return routes.current().config().limits();
  }

  /** The upstream groups of the config in force, rebuilt (keeping unchanged groups) after a reload. */
  Upstreams upstreams() {
    Upstreams u = upstreams;
    var config = routes.current().config();
    if (u.config() != config) {
      u = Upstreams.of(config, u);
      upstreams = u;
    }
    return u;
  }
}
