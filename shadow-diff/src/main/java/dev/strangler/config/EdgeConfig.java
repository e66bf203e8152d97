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
    MaskConfig mask) {

  public EdgeConfig {
    upstreams = Map.copyOf(upstreams);
    routes = List.copyOf(routes);
  }
}
