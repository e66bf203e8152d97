package dev.strangler.routing;

import dev.strangler.config.RouteConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Immutable, ordered route list: the first route whose path, method and host match wins. */
public final class RouteTable {
  private final Entry[] entries;

  private record Entry(RouteConfig route, PathTemplate path) {}

  private RouteTable(Entry[] entries) {
    this.entries = entries;
  }

  /** Compiles the routes (templates are validated by the config loader first). */
  public static RouteTable of(List<RouteConfig> routes) {
    return new RouteTable(
        routes.stream()
            .map(r -> new Entry(r, PathTemplate.compile(r.match().path())))
            .toArray(Entry[]::new));
  }

  /**
   * Finds the route for a request.
   *
   * @param method request method, upper case
   * @param host   Host header value (a port is ignored); may be null
   * @param path   request path without the query string
   */
  public Optional<RouteConfig> match(String method, String host, String path) {
    String bareHost = host == null ? null : stripPort(host);
    for (Entry e : entries) {
      RouteConfig r = e.route();
      if (!r.match().methods().isEmpty() && !r.match().methods().contains(method)) {
        continue;
      }
      if (r.match().host() != null
          && (bareHost == null || !r.match().host().equalsIgnoreCase(bareHost))) {
        continue;
      }
      if (e.path().matches(path)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static String stripPort(String host) {
    String bare;
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      bare = end < 0 ? host : host.substring(0, end + 1);
    } else {
      int colon = host.indexOf(':');
      bare = colon < 0 ? host : host.substring(0, colon);
    }
    return bare.toLowerCase(Locale.ROOT);
  }
}
