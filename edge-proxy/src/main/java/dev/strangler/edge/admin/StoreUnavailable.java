package dev.strangler.edge.admin;

import dev.strangler.store.StoreException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any admin call that needs the state store while it cannot be reached (a flip, the audit log,
 * the fleet, discrepancies) answers 503 {@code {"error":"store_unavailable"}}; nothing changed.
 */
@Produces
@Singleton
final class StoreUnavailable implements ExceptionHandler<StoreException, HttpResponse<ErrorBody>> {
  static final String ERROR = "store_unavailable";
  private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailable.class);

  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, StoreException e) {
    LOG.warn("{} {}: the state store is unavailable ({})", request.getMethod(), request.getPath(), e.getMessage());
    return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE).body(new ErrorBody(ERROR));
  }
}
