package dev.strangler.edge.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

/**
 * Shapes the errors Micronaut itself produces (malformed JSON, unknown path, wrong method, ...)
 * like the admin API's own: {@code {"error": "..."}}.
 */
@Singleton
final class JsonErrorBodies implements JsonErrorResponseBodyProvider<ErrorBody> {

  @Override
  public ErrorBody body(ErrorContext context, HttpResponse<?> response) {
    String message = context.getErrors().stream()
        .map(Error::getMessage)
        .findFirst()
        .orElse(response.reason());
    return new ErrorBody(message);
  }
}
