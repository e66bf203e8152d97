package dev.strangler.edge.proxy;

import dev.strangler.config.Limits;
import dev.strangler.edge.mirror.Shadowing;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.edge.upstream.UpstreamPools;
import dev.strangler.edge.upstream.Upstreams;

/**
 * What every connection handler shares: the live routes, the upstream groups of the config in
 * force, the serving connection pools, the limits, the observer, the mirror side's tap and the
 * client connections (whether a drain runs).
 */
final class DataPlane {
  static final String CLIENT_DECODER = "decoder";
  static final String CLIENT_ENCODER = "encoder";

  private final LiveRoutes routes;
  private final UpstreamPools pools;
  private final ExchangeObserver observer;
  private final Shadowing shadowing;
  private final ClientConnections connections;
  private volatile Upstreams upstreams;

  DataPlane(LiveRoutes routes, UpstreamPools pools, ExchangeObserver observer, Shadowing shadowing,
      ClientConnections connections) {
    this.routes = routes;
    this.pools = pools;
    this.observer = observer;
    this.shadowing = shadowing;
    this.connections = connections;
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

  /** Whether a drain runs: answers carry {@code Connection: close}. */
  boolean draining() {
    return connections.draining();
  }

  /** Whether connections between requests are to close (the listener is closed). */
  boolean closingIdle() {
    return connections.closingIdle();
  }

  /** Whether the edge is cutting every connection (its shutdown). */
  boolean cut() {
    return connections.cut();
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
