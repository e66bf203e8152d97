package dev.strangler.edge.admin;

import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.store.DiscrepancyStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Stored discrepancy records, newest first and paged by a {@code before} cursor, and their
 * fingerprint groups, most frequent first. Blank parameters filter nothing.
 */
@Controller("/admin/discrepancies")
final class DiscrepanciesController {
  private final DiscrepancyStore store;

  DiscrepanciesController(DiscrepancyStore store) {
    this.store = store;
  }

  /**
   * At most {@code limit} records older than the record {@code before}; {@code next} is the id
   * to pass as {@code before} for the following page, null when this page is not full.
   */
  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> records(
      @Nullable @QueryValue String route,
      @Nullable @QueryValue String fingerprint,
      @Nullable @QueryValue String since,
      @Nullable @QueryValue String before,
      @Nullable @QueryValue String limit) {
    int max;
    Instant from;
    try {
      max = QueryParams.limit(limit);
      from = QueryParams.since(since, Instant.now());
    } catch (InvalidParameter e) {
      return badRequest(e.getMessage());
    }
    List<DiscrepancyRecord> page;
    try {
      page = store.find(QueryParams.optional(route), QueryParams.optional(fingerprint), from,
          QueryParams.optional(before), max);
    } catch (NoSuchElementException e) {
      return badRequest("before: " + e.getMessage());
    }
    String next = page.size() == max ? page.get(max - 1).id() : null;
    return json(DiscrepancyJson.page(page, next));
  }

  /** At most {@code limit} groups, most frequent first; {@code since} bounds their last record. */
  @Get("/groups")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> groups(
      @Nullable @QueryValue String route,
      @Nullable @QueryValue String since,
      @Nullable @QueryValue String limit) {
    try {
      int max = QueryParams.limit(limit);
      Instant from = QueryParams.since(since, Instant.now());
      return json(DiscrepancyJson.groups(store.groups(QueryParams.optional(route), from, max)));
    } catch (InvalidParameter e) {
      return badRequest(e.getMessage());
    }
  }

  private static HttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static HttpResponse<ErrorBody> badRequest(String message) {
    return HttpResponse.badRequest(new ErrorBody(message));
  }
}
