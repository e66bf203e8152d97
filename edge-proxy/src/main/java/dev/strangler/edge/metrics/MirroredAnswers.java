package dev.strangler.edge.metrics;

import dev.strangler.routing.Side;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What each side of a route answered as the shadow (the mirror of a request the other side
 * served): before a flip, the only latency and error figures the new side has. Recorded on judge
 * threads (meters created once per route and side), read by the admin API. Series: {@code edge_shadow_duration_seconds{route,side}} and
 * {@code edge_shadow_answers_total{route,side,result=ok|error}}.
 */
public final class MirroredAnswers {
  private record Meters(Timer duration, Counter ok, Counter failed) {}

  private static final String DURATION = "edge.shadow.duration";
  private static final String ANSWERS = "edge.shadow.answers";

  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, Meters> meters = new ConcurrentHashMap<>();

  public MirroredAnswers(MeterRegistry registry) {
    this.registry = registry;
  }

  /** {@code side} answered a mirrored request with {@code status} after {@code latencyMs}. */
  public void answered(String route, Side side, int status, double latencyMs) {
    Meters m = meters(route, side);
    m.duration().record((long) (latencyMs * 1_000_000), TimeUnit.NANOSECONDS);
    (status >= 500 ? m.failed() : m.ok()).increment();
  }

  /** {@code side} gave no usable answer to a mirrored request (timeout, reset, connect failure). */
  public void failed(String route, Side side) {
    meters(route, side).failed().increment();
  }

  /**
   * Per side of {@code route}, its answers as the shadow (all zero when it never was one). Reads
   * the registry, so any instance over it sees what every other recorded.
   */
  public Map<Side, SideStats> stats(String route) {
    Map<Side, SideStats> out = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      Timer duration = registry.find(DURATION).tags("route", route, "side", side.id()).timer();
      long failed = count(route, side, "error");
      long ok = count(route, side, "ok");
      out.put(side, duration == null ? SideStats.NONE : SideStats.of(duration, ok + failed, failed));
    }
    return out;
  }

  private long count(String route, Side side, String result) {
    Counter c = registry.find(ANSWERS).tags("route", route, "side", side.id(), "result", result).counter();
    return c == null ? 0 : (long) c.count();
  }

  private Meters meters(String route, Side side) {
    return meters.computeIfAbsent(route + '\0' + side.id(), k -> {
      Tags tags = Tags.of("route", route, "side", side.id());
      return new Meters(
          SideMeters.recentTimer(DURATION, "Time to a mirrored request's complete answer", tags)
              .register(registry),
          answers(tags, "ok"),
          answers(tags, "error"));
    });
  }

  private Counter answers(Tags tags, String result) {
    return Counter.builder(ANSWERS)
        .description("Mirrored requests by result: ok, or error (5xx, timeout, reset, connect failure)")
        .tags(tags).tag("result", result).register(registry);
  }
}
