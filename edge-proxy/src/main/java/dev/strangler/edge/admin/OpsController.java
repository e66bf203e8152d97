package dev.strangler.edge.admin;

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

  OpsController(EdgeMetrics metrics) {
    this.metrics = metrics;
  }

  @Get("/health")
  HealthView health() {
    return new HealthView("UP");
  }

  @Get("/metrics")
  HttpResponse<String> metrics() {
    return HttpResponse.ok(metrics.scrape()).contentType(PROMETHEUS_TEXT);
  }
}
