package dev.strangler.edge.admin;

import dev.strangler.edge.fleet.Fleet;
import dev.strangler.edge.metrics.EdgeMetrics;
import dev.strangler.edge.mirror.ShadowOutcomes;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.edge.routing.RoutingSnapshot;
import dev.strangler.routing.Side;
import dev.strangler.store.AuditEntry;
import dev.strangler.store.CutoverConflict;
import dev.strangler.store.Flip;
import dev.strangler.store.WeightChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The effective routing table, the cutover toggle and the progressive cutover's weight. A flip or
 * weight change is decided by the state store shared by the fleet: 409 when its {@code expect} is
 * not the state in force there, 503 ({@link StoreUnavailable}) while the store cannot be reached.
 */
@Controller("/admin/routes")
final class RoutesController {
  static final int MAX_REASON = 1000;
  static final int MAX_ACTOR = 200;
  private static final String DEFAULT_ACTOR = "admin";

  private final LiveRoutes routes;
  private final EdgeMetrics metrics;
  private final ShadowOutcomes outcomes;
  private final Fleet fleet;

  RoutesController(LiveRoutes routes, EdgeMetrics metrics, ShadowOutcomes outcomes, Fleet fleet) {
    this.routes = routes;
    this.metrics = metrics;
    this.outcomes = outcomes;
    this.fleet = fleet;
  }

  /** Reads only the in-memory snapshot, meters and outcome counts, so it stays on the event loop. */
  @Get
  RoutesView list() {
    RoutingSnapshot snapshot = routes.current();
    return new RoutesView(
        snapshot.config().routes().stream()
            .map(r -> RouteView.of(r, snapshot, metrics.counters(r.id()), metrics.sides(r.id()),
                metrics.mirrored(r.id()), outcomes))
            .toList(),
        routes.reloadError().orElse(null));
  }

  /** Flips a route's primary from the next request on, fleet-wide; persisted before it applies. */
  @Post("/{id}/cutover")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> cutover(
      String id, @Nullable @Body CutoverRequest body, @Nullable @Header("X-Actor") String actor) {
    if (routes.current().route(id).isEmpty()) {
      return notFound(id);
    }
    if (body == null) {
      return badRequest("expected a JSON body {\"primary\": \"legacy\"|\"new\", \"reason\": \"...\"}");
    }
    Optional<Side> to = Side.parse(body.primary());
    if (to.isEmpty()) {
      return badRequest("primary must be \"legacy\" or \"new\"");
    }
    Optional<Side> expect = Side.parse(body.expect());
    if (body.expect() != null && expect.isEmpty()) {
      return badRequest("expect, when given, must be \"legacy\" or \"new\"");
    }
    String reason = body.reason() == null ? "" : body.reason();
    if (reason.length() > MAX_REASON) {
      return badRequest("reason is longer than " + MAX_REASON + " characters");
    }
    String who = actor(actor);
    if (who.length() > MAX_ACTOR) {
      return badRequest("X-Actor is longer than " + MAX_ACTOR + " characters");
    }
    Flip flip = new Flip(id, to.get(), expect.orElse(null), reason, who, fleet.instanceId());
    return decided(id, () -> routes.cutover(flip));
  }

  /**
   * Sets the share of the route's users served by the new side, from the next request on,
   * fleet-wide; persisted and audited before it applies. 0 and 100 are the states a cutover sets.
   */
  @Post("/{id}/weight")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> weight(
      String id, @Nullable @Body Map<String, Object> body, @Nullable @Header("X-Actor") String actor) {
    if (routes.current().route(id).isEmpty()) {
      return notFound(id);
    }
    WeightRequest request;
    try {
      request = WeightRequest.parse(body);
    } catch (IllegalArgumentException e) {
      return badRequest(e.getMessage());
    }
    String who = actor(actor);
    if (who.length() > MAX_ACTOR) {
      return badRequest("X-Actor is longer than " + MAX_ACTOR + " characters");
    }
    WeightChange change = new WeightChange(id, request.to(), request.expect(), request.reason(), who,
        fleet.instanceId());
    return decided(id, () -> routes.weight(change));
  }

  /** The stored entry, 409 when the store refused it, 404 when the route went away meanwhile. */
  private static HttpResponse<?> decided(String id, Supplier<AuditEntry> change) {
    try {
      return HttpResponse.ok(AuditEntryView.of(change.get()));
    } catch (CutoverConflict e) {
      return HttpResponse.status(HttpStatus.CONFLICT).body(ConflictBody.of(e));
    } catch (NoSuchElementException e) {
      return notFound(id);
    }
  }

  private static String actor(String header) {
    return header == null || header.isBlank() ? DEFAULT_ACTOR : header.strip();
  }

  private static HttpResponse<ErrorBody> notFound(String id) {
    return HttpResponse.notFound(new ErrorBody("no route with id '" + id + "'"));
  }

  private static HttpResponse<ErrorBody> badRequest(String message) {
    return HttpResponse.badRequest(new ErrorBody(message));
  }
}
