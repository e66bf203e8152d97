package dev.strangler.edge.admin;

import dev.strangler.config.RouteConfig;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.noise.NoiseModel;
import dev.strangler.noise.NoiseReport;
import dev.strangler.store.DiscrepancyStore;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /admin/routes/{id}/noise}: what noise learning found on a route (fleet-wide, as the
 * store holds it plus this edge's counts since its last write) and the compare rules it suggests,
 * from the model and from the values of the route's recent stored records ({@link NoiseReport}).
 */
@Controller("/admin/routes")
final class NoiseController {
  /** Stored records of the last day whose values are classified, at most. */
  static final int EXAMPLES = 200;

  private final LiveRoutes routes;
  private final NoiseModel model;
  private final DiscrepancyStore store;

  NoiseController(LiveRoutes routes, NoiseModel model, DiscrepancyStore store) {
    this.routes = routes;
    this.model = model;
    this.store = store;
  }

  @Get("/{id}/noise")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> noise(String id) {
    Optional<RouteConfig> route = routes.current().route(id);
    if (route.isEmpty()) {
      return HttpResponse.notFound(new ErrorBody("no route with id '" + id + "'"));
    }
    RouteConfig r = route.get();
    NoiseReport report = NoiseReport.of(id, model.counts(id), r.shadow().noise(),
        store.find(id, null, Instant.now().minus(Duration.ofDays(1)), EXAMPLES), r.compare());
    return HttpResponse.ok(report.toJson().toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
