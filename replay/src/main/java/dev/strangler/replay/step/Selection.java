package dev.strangler.replay.step;

import dev.strangler.http.Methods;
import dev.strangler.config.RouteConfig;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.replay.input.RecordedExchange;
import dev.strangler.replay.input.Item;
import dev.strangler.replay.input.StoredRecord;
import dev.strangler.routing.RequestPath;
import dev.strangler.routing.RouteTable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, item by item, what a run does: finds the route under the current routes.yaml (an
 * exchange by method, host and path; a stored record by method and path, else by its route id;
 * paths normalised as the edge routes them, {@link RequestPath}: a path the edge would refuse is
 * skipped as {@code refused-path}),
 * applies the --methods and --routes filters, and for runs that send requests skips unsafe
 * methods unless writes are included and routes whose shadowing is disabled unless named by
 * --routes.
 */
public final class Selection {
  /** The route column of items no route matches. */
  public static final String NO_ROUTE = "(no route)";


  private final List<RouteConfig> routes;
  private final RouteTable table;
  private final Set<String> methods;
  private final Set<String> routeIds;
  private final boolean sends;
  private final boolean includeWrites;

  /**
   * @param routes        the routes of the current config
   * @param methods       methods to take (upper case); empty takes all
   * @param routeIds      route ids to take; empty takes all
   * @param sends         whether the run sends requests (run) or not (rediff)
   * @param includeWrites whether a sending run sends unsafe methods
   */
  public Selection(List<RouteConfig> routes, Set<String> methods, Set<String> routeIds, boolean sends,
      boolean includeWrites) {
    this.routes = List.copyOf(routes);
    this.table = RouteTable.of(routes);
    this.methods = Set.copyOf(methods);
    this.routeIds = Set.copyOf(routeIds);
    this.sends = sends;
    this.includeWrites = includeWrites;
  }

  /** The decision for an exchange or a stored record. */
  public Decision decide(Item item) {
    String method;
    Optional<RouteConfig> route;
    if (item instanceof RecordedExchange e) {
      method = e.method().toUpperCase(Locale.ROOT);
      String path = RequestPath.normalize(e.path());
      if (path == null) {
        return new Decision.Skip(NO_ROUTE, "refused-path");
      }
      route = table.match(method, e.host(), path);
    } else {
      DiscrepancyRecord r = ((StoredRecord) item).record();
      method = r.method() == null ? "" : r.method().toUpperCase(Locale.ROOT);
      String path = r.path() == null ? null : RequestPath.normalize(r.path());
      route = (path == null ? Optional.<RouteConfig>empty() : table.match(method, null, path))
          .or(() -> routes.stream().filter(c -> c.id().equals(r.route())).findFirst());
    }
    if (!methods.isEmpty() && !methods.contains(method)) {
      return new Decision.Filtered();
    }
    if (route.isEmpty()) {
      return routeIds.isEmpty() ? new Decision.Skip(NO_ROUTE, "no-route") : new Decision.Filtered();
    }
    RouteConfig r = route.get();
    if (!routeIds.isEmpty() && !routeIds.contains(r.id())) {
      return new Decision.Filtered();
    }
    if (sends && !includeWrites && !Methods.isSafe(method)) {
      return new Decision.Skip(r.id(), "write-method");
    }
    if (sends && !r.shadow().enabled() && !routeIds.contains(r.id())) {
      return new Decision.Skip(r.id(), "shadow-disabled");
    }
    return new Decision.Judge(r);
  }
}
