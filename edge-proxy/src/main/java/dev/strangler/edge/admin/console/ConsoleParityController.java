package dev.strangler.edge.admin.console;

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

/** The console's parity chart data: a route's last 24 h of per-minute buckets, fleet-wide. */
@Controller("/console/api/parity")
final class ConsoleParityController {
  static final Duration SPAN = Duration.ofHours(24);

  private final ConsoleSessions sessions;
  private final ParityRecorder recorder;

  ConsoleParityController(ConsoleSessions sessions, ParityRecorder recorder) {
    this.sessions = sessions;
    this.recorder = recorder;
  }

  /** 401 without a session. */
  @Get("/{route}")
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
}
