package dev.strangler.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole, validated content of one routes.yaml. Immutable: a reload builds a new one.
 *
 * @param source    the file it was read from (for messages)
 * @param listen    where the data plane listens
 * @param admin     the admin (control plane) listener and token
 * @param state     state directory and JDBC store URL
 * @param upstreams upstreams by name ("legacy", "new")
 * @param defaults  defaults that routes inherit
 * @param limits    request size limits of the data plane
 * @param routes    routes in file order (first match wins)
 * @param mask      secrets to mask in records, captures and logs
 * @param lifecycle how the edge drains when it stops (read at start only)
 * @param sha256    SHA-256 (hex) of the file's bytes as loaded; "" for a config not read from a file
 * @param alerts    where flips, weight changes and guard rollbacks are POSTed
 */
public record EdgeConfig(
    Path source,
    HostPort listen,
    AdminConfig admin,
    StateConfig state,
    Map<String, UpstreamConfig> upstreams,
    Defaults defaults,
    Limits limits,
    List<RouteConfig> routes,
    MaskConfig mask,
    LifecycleConfig lifecycle,
    String sha256,
    AlertsConfig alerts) {

  public EdgeConfig {
    upstreams = Map.copyOf(upstreams);
    routes = List.copyOf(routes);
  }

  /** A config without alerts. */
  public EdgeConfig(Path source, HostPort listen, AdminConfig admin, StateConfig state,
      Map<String, UpstreamConfig> upstreams, Defaults defaults, Limits limits, List<RouteConfig> routes,
      MaskConfig mask, LifecycleConfig lifecycle, String sha256) {
    this(source, listen, admin, state, upstreams, defaults, limits, routes, mask, lifecycle, sha256,
        AlertsConfig.none());
  }

  /** A config not read from a file (tests, tools): the built-in drain, no file hash. */
  public EdgeConfig(Path source, HostPort listen, AdminConfig admin, StateConfig state,
      Map<String, UpstreamConfig> upstreams, Defaults defaults, Limits limits, List<RouteConfig> routes,
      MaskConfig mask) {
    this(source, listen, admin, state, upstreams, defaults, limits, routes, mask, LifecycleConfig.standard(), "");
  }
}
