package dev.strangler.edge.admin.console;

import dev.strangler.config.RouteConfig;
import dev.strangler.edge.mirror.ShadowOutcomes;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.record.Outcome;
import dev.strangler.store.ParityBuckets;
import dev.strangler.store.ParityBuckets.Bucket;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds this edge's judged and matched pairs to the shared per-minute {@link ParityBuckets}, every
 * {@link #PERIOD} on its own thread (never an event loop), from the {@link ShadowOutcomes} counts;
 * drops buckets older than {@link #RETENTION}. Counts a failed write again on the next run.
 */
@Context
final class ParityRecorder {
  static final Duration PERIOD = Duration.ofSeconds(5);
  static final Duration RETENTION = Duration.ofDays(7);
  private static final long PRUNE_EVERY = Duration.ofHours(1).dividedBy(PERIOD);
  private static final Logger LOG = LoggerFactory.getLogger(ParityRecorder.class);

  private record Totals(long matched, long judged) {}

  private final LiveRoutes routes;
  private final ShadowOutcomes outcomes;
  private final ParityBuckets buckets;
  private final Map<String, Totals> recorded = new HashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "console-parity");
    t.setDaemon(true);
    return t;
  });
  private long runs;

  ParityRecorder(LiveRoutes routes, ShadowOutcomes outcomes) {
    this.routes = routes;
    this.outcomes = outcomes;
    this.buckets = ParityBuckets.open(routes.current().config().state().store());
    timer.scheduleWithFixedDelay(this::run, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The store the console's chart reads. */
  ParityBuckets buckets() {
    return buckets;
  }

  private void run() {
    try {
      if (runs++ % PRUNE_EVERY == 0) {
        buckets.pruneBefore(Instant.now().minus(RETENTION));
      }
      record();
    } catch (RuntimeException e) {
      LOG.warn("cannot record parity buckets: {}", e.toString());
    }
  }

  private void record() {
    Instant now = Instant.now();
    List<Bucket> deltas = new ArrayList<>();
    Map<String, Totals> seen = new HashMap<>();
    for (RouteConfig route : routes.current().config().routes()) {
      Map<Outcome, Long> c = outcomes.counts(route.id());
      Totals t = new Totals(c.get(Outcome.MATCH),
          c.get(Outcome.MATCH) + c.get(Outcome.DIFF) + c.get(Outcome.EXTRACT_FAILED));
      Totals before = recorded.getOrDefault(route.id(), new Totals(0, 0));
      if (t.judged() > before.judged()) {
        deltas.add(new Bucket(route.id(), now, t.matched() - before.matched(), t.judged() - before.judged()));
      }
      seen.put(route.id(), t);
    }
    buckets.add(deltas);
    recorded.putAll(seen);
  }

  /** Stops recording after a last run, and closes the store. */
  @PreDestroy
  void close() {
    timer.shutdown();
    try {
      if (timer.awaitTermination(5, TimeUnit.SECONDS)) {
        record();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("cannot record the last parity buckets: {}", e.toString());
    } finally {
      buckets.close();
    }
  }
}
