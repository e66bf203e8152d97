package dev.strangler.edge.upstream;

import dev.strangler.config.EdgeConfig;
import dev.strangler.config.UpstreamConfig;
import dev.strangler.routing.Side;
import java.util.EnumMap;
import java.util.Map;

/**
 * The upstream groups of one config. A reload keeps the group (and its health state) of every
 * upstream whose config did not change.
 */
public final class Upstreams {
  private final EdgeConfig config;
  private final Map<Side, UpstreamGroup> groups;

  private Upstreams(EdgeConfig config, Map<Side, UpstreamGroup> groups) {
    this.config = config;
    this.groups = groups;
  }

  /** Groups for a config. */
  public static Upstreams of(EdgeConfig config) {
    return of(config, null);
  }

  /** Groups for a new config, reusing unchanged groups of the previous one. */
  public static Upstreams of(EdgeConfig config, Upstreams previous) {
    Map<Side, UpstreamGroup> groups = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      UpstreamConfig uc = config.upstreams().get(side.id());
      boolean unchanged =
          previous != null && uc.equals(previous.config.upstreams().get(side.id()));
      groups.put(side, unchanged ? previous.groups.get(side) : new UpstreamGroup(uc));
    }
    return new Upstreams(config, groups);
  }

  /** The config these groups were built for. */
  public EdgeConfig config() {
    return config;
  }

  /** The group serving a side. */
  public UpstreamGroup group(Side side) {
    return groups.get(side);
  }
}
