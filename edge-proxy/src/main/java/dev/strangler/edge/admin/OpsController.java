package dev.strangler.edge.admin;

import dev.strangler.edge.fleet.Fleet;
import dev.strangler.edge.metrics.EdgeMetrics;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Unauthenticated liveness and Prometheus scrape endpoints of the admin listener. */
@Controller
final class OpsController {
  private static final MediaType PROMETHEUS_TEXT = MediaType.of(EdgeMetrics.CONTENT_TYPE);

  private final EdgeMetrics metrics;
  private final Fleet fleet;

  OpsController(EdgeMetrics metrics, Fleet fleet) {
    this.metrics = metrics;
    this.fleet = fleet;
  }

  /** The data plane serves while the store is down, so the status stays UP; {@code store} says. */
  @Get("/health")
  HealthView health() {
    return new HealthView("UP", fleet.storeUp() ? "up" : "down");
  }

  @Get("/metrics")
  HttpResponse<String> metrics() {
    return HttpResponse.ok(metrics.scrape()).contentType(PROMETHEUS_TEXT);
  }
}
