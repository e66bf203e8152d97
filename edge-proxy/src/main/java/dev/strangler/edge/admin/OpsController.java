package dev.strangler.edge.admin;

import dev.strangler.edge.fleet.Fleet;
import dev.strangler.edge.lifecycle.Lifecycle;
import dev.strangler.edge.metrics.EdgeMetrics;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Unauthenticated liveness, readiness and Prometheus scrape endpoints of the admin listener. */
@Controller
final class OpsController {
  private static final MediaType PROMETHEUS_TEXT = MediaType.of(EdgeMetrics.CONTENT_TYPE);

  private final EdgeMetrics metrics;
  private final Fleet fleet;
  private final Lifecycle lifecycle;

  OpsController(EdgeMetrics metrics, Fleet fleet, Lifecycle lifecycle) {
    this.metrics = metrics;
    this.fleet = fleet;
    this.lifecycle = lifecycle;
  }

  /** The data plane serves while the store is down, so the status stays UP; {@code store} says. */
  @Get("/health")
  HealthView health() {
    return new HealthView("UP", fleet.storeUp() ? "up" : "down", lifecycle.stage().id());
  }

  /** 200 while serving; 503 while starting or draining, so that a load balancer sends nothing new. */
  @Get("/health/ready")
  HttpResponse<HealthView> ready() {
    return HttpResponse.<HealthView>status(lifecycle.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(health());
  }

  @Get("/metrics")
  HttpResponse<String> metrics() {
    return HttpResponse.ok(metrics.scrape()).contentType(PROMETHEUS_TEXT);
  }
}
