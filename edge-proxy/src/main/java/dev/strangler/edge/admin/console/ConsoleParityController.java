package dev.strangler.edge.admin.console;

import dev.strangler.store.DiscrepancyStore;
import dev.strangler.store.GroupHour;
import dev.strangler.store.ParityBuckets.Bucket;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's chart data, fleet-wide: a route's last 24 h of per-minute parity buckets, and of
 * hourly counts per discrepancy group (its trend).
 */
@Controller("/console/api")
final class ConsoleParityController {
  static final Duration SPAN = Duration.ofHours(24);

  private final ConsoleSessions sessions;
  private final ParityRecorder recorder;
  private final DiscrepancyStore discrepancies;

  ConsoleParityController(ConsoleSessions sessions, ParityRecorder recorder, DiscrepancyStore discrepancies) {
    this.sessions = sessions;
    this.recorder = recorder;
    this.discrepancies = discrepancies;
  }

  /** 401 without a session. */
  @Get("/parity/{route}")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> parity(HttpRequest<?> request, String route) {
    if (!sessions.authorizes(request)) {
      return HttpResponse.unauthorized().body(new ConsoleMessage("Not logged in."));
    }
    List<Bucket> buckets = recorder.buckets().since(route, Instant.now().minus(SPAN));
    return HttpResponse.ok(new ParityView(route,
        buckets.stream().map(b -> b.minute().getEpochSecond()).toList(),
        buckets.stream().map(b -> (double) b.matched() / b.judged()).toList(),
        buckets.stream().map(Bucket::judged).toList()));
  }

  /** Per group, its counts in each of the last 24 hours, oldest first; 401 without a session. */
  @Get("/trend/{route}")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> trend(HttpRequest<?> request, String route) {
    if (!sessions.authorizes(request)) {
      return HttpResponse.unauthorized().body(new ConsoleMessage("Not logged in."));
    }
    Instant first = GroupHour.hourOf(Instant.now()).minus(SPAN).plus(GroupHour.HOUR);
    int hours = (int) SPAN.dividedBy(GroupHour.HOUR);
    Map<String, long[]> groups = new TreeMap<>();
    for (GroupHour h : discrepancies.hours(route, first)) {
      int i = (int) Duration.between(first, h.hour()).dividedBy(GroupHour.HOUR);
      if (i >= 0 && i < hours) {
        groups.computeIfAbsent(h.fingerprint(), f -> new long[hours])[i] = h.count();
      }
    }
    return HttpResponse.ok(new TrendView(route, first.getEpochSecond(), GroupHour.HOUR.toSeconds(), groups));
  }
}
