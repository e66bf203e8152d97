package dev.strangler.edge.admin;

import dev.strangler.edge.admin.console.ConsoleSessions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses every {@code /admin/*} request without {@code Authorization: Bearer <token>} or a live
 * console session (with its CSRF token on state changes).
 */
@ServerFilter("/admin/**")
final class AdminAuthFilter {
  private final AdminToken token;
  private final ConsoleSessions console;

  AdminAuthFilter(AdminToken token, ConsoleSessions console) {
    this.token = token;
    this.console = console;
  }

  /** Null lets the request through; a 401 response ends it. */
  @RequestFilter
  @Nullable
  HttpResponse<ErrorBody> authorize(HttpRequest<?> request) {
    if (token.accepts(request.getHeaders().get(HttpHeaders.AUTHORIZATION)) || console.authorizes(request)) {
      return null;
    }
    return HttpResponse.<ErrorBody>unauthorized()
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"edge-admin\"")
        .body(new ErrorBody("unauthorized"));
  }
}
