package dev.strangler.edge.metrics;

import dev.strangler.routing.Side;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The meters of one route and side, created once and then only incremented. */
final class SideMeters {
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)
  };

  /** How far back the published percentiles look (in {@link #RECENT_BUFFERS} rotating steps). */
  static final Duration RECENT = Duration.ofMinutes(5);
  private static final int RECENT_BUFFERS = 5;

  private final MeterRegistry registry;
  private final Tags tags;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Timer duration;
  private final AtomicReferenceArray<Counter> byStatusClass =
      new AtomicReferenceArray<>(StatusClass.values().length);
  private final ConcurrentHashMap<String, Counter> upstreamErrors = new ConcurrentHashMap<>();

  SideMeters(MeterRegistry registry, String route, Side side) {
    this.registry = registry;
    this.tags = Tags.of("route", route, "side", side.id());
    Gauge.builder("edge.requests.in.flight", inFlight, AtomicInteger::get)
        .description("Requests received and not yet answered")
        .tags(tags)
        .register(registry);
    this.duration = recentTimer("edge.request.duration", "Time from request received to response complete", tags)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  /** A timer that also keeps its p50 and p99 over the last {@link #RECENT}. */
  static Timer.Builder recentTimer(String name, String description, Tags tags) {
    return Timer.builder(name)
        .description(description)
        .tags(tags)
        .publishPercentiles(0.5, 0.99)
        .distributionStatisticExpiry(RECENT)
        .distributionStatisticBufferLength(RECENT_BUFFERS);
  }

  void started() {
    inFlight.incrementAndGet();
  }

  void finished(int status, long durationNanos) {
    inFlight.decrementAndGet();
    duration.record(durationNanos, TimeUnit.NANOSECONDS);
    statusCounter(StatusClass.of(status)).increment();
  }

  void upstreamError(String reason) {
    Counter c = upstreamErrors.get(reason);
    if (c == null) {
      c = upstreamErrors.computeIfAbsent(reason, r -> Counter.builder("edge.upstream.errors")
          .description("Upstream connect failures, timeouts and broken responses")
          .tags(tags)
          .tag("reason", r)
          .register(registry));
    }
    c.increment();
  }

  private Counter statusCounter(StatusClass statusClass) {
    int i = statusClass.ordinal();
    Counter c = byStatusClass.get(i);
    if (c == null) {
      c = Counter.builder("edge.requests")
          .description("Requests answered, by status class")
          .tags(tags)
          .tag("status_class", statusClass.label())
          .register(registry);
      byStatusClass.compareAndSet(i, null, c);
    }
    return c;
  }

  int inFlight() {
    return inFlight.get();
  }

  long count(StatusClass statusClass) {
    Counter c = byStatusClass.get(statusClass.ordinal());
    return c == null ? 0 : (long) c.count();
  }

  long upstreamErrors() {
    return upstreamErrors.values().stream().mapToLong(c -> (long) c.count()).sum();
  }

  /**
   * Answers, 5xx answers and the median and 99th percentile over the last {@link #RECENT} (null
   * when nothing was answered in it: an empty window reads as 0).
   */
  SideStats stats() {
    long answered = 0;
    for (StatusClass sc : StatusClass.values()) {
      answered += count(sc);
    }
    return SideStats.of(duration, answered, count(StatusClass.SERVER_ERROR));
  }
}
