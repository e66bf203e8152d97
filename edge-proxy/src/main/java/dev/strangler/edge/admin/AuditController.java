package dev.strangler.edge.admin;

import dev.strangler.edge.routing.LiveRoutes;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The append-only log of cutover flips, paged by sequence number. */
@Controller("/admin/audit")
final class AuditController {
  static final int MAX_LIMIT = 1000;

  private final LiveRoutes routes;

  AuditController(LiveRoutes routes) {
    this.routes = routes;
  }

  /** Entries with seq greater than {@code after}, oldest first, at most {@code limit}. */
  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> audit(
      @QueryValue(defaultValue = "0") long after, @QueryValue(defaultValue = "100") int limit) {
    if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
      return HttpResponse.badRequest(
          new ErrorBody("after must be >= 0 and limit between 1 and " + MAX_LIMIT));
    }
    return HttpResponse.ok(
        new AuditView(routes.audit(after, limit).stream().map(AuditEntryView::of).toList()));
  }
}
