package dev.strangler.edge.guard;

import dev.strangler.config.GuardConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.edge.mirror.PairVerdicts;
import dev.strangler.edge.proxy.ExchangeObserver;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.edge.routing.RoutingSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rollback guard of every route with a {@code guard:}. {@link GuardCounts} counts, in a window
 * per guarded route, what the new side served (from the data plane and the judges; a route on
 * legacy gathers nothing). One thread of the guard's own evaluates the windows every
 * {@value #TICK_MILLIS} ms, and at once when a failure or a diff is counted; while new serves
 * users of a route, a breach ({@link Breach}) rolls it back to legacy ({@link GuardRollback}).
 * The guard only ever moves a route towards legacy: after a rollback, whoever took it, the
 * route's window starts over empty, and the guard acts again only once a person has served users
 * from new again and new has served {@code min-requests} more.
 *
 * <p>Series: {@code edge_guard_rollbacks_total{route}} (rollbacks this instance took) and
 * {@code edge_guard_breaches_total{route,result=taken|lost|failed}} (every breach it saw).
 */
public final class Guard implements AutoCloseable {
  static final long TICK_MILLIS = 250;
  private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

  private final LiveRoutes routes;
  private final MeterRegistry registry;
  private final GuardCounts counts = new GuardCounts(this::nudge);
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "edge-guard");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean nudged = new AtomicBoolean();
  private volatile GuardRollback rollback;

  /** Counts from now on; evaluates once {@link #start}ed. */
  public Guard(LiveRoutes routes, MeterRegistry registry) {
    this.routes = routes;
    this.registry = registry;
  }

  /** What the data plane reports to the guard. */
  public ExchangeObserver observer() {
    return counts;
  }

  /** What the judges report to the guard. */
  public PairVerdicts verdicts() {
    return counts;
  }

  /** Starts evaluating; breaches are rolled back through {@code rollback}. */
  public void start(GuardRollback rollback) {
    this.rollback = rollback;
    thread.scheduleWithFixedDelay(this::evaluate, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Asks for an evaluation now; at most one waits. Never blocks (event loops call it). */
  private void nudge() {
    if (rollback != null && nudged.compareAndSet(false, true)) {
      try {
        thread.execute(() -> {
          nudged.set(false);
          evaluate();
        });
      } catch (RejectedExecutionException e) {
        nudged.set(false);
      }
    }
  }

  /** One pass over the routes, on the guard's thread. */
  private void evaluate() {
    try {
      RoutingSnapshot snapshot = routes.current();
      Set<String> guarded = new HashSet<>();
      for (RouteConfig route : snapshot.config().routes()) {
        GuardConfig guard = route.guard();
        if (guard == null) {
          continue;
        }
        guarded.add(route.id());
        GuardWindow window = counts.window(route.id());
        if (window == null || window.seconds() != guard.windowSeconds()) {
          counts.watch(route.id(), guard.windowSeconds());
        } else if (rollback.servesNew(snapshot, route)) {
          check(route.id(), guard, window);
        }
      }
      counts.retain(guarded);
    } catch (RuntimeException e) {
      LOG.error("guard evaluation failed", e);
    }
  }

  private void check(String route, GuardConfig guard, GuardWindow window) {
    String reason = Breach.of(guard, window.totals());
    if (reason == null) {
      return;
    }
    GuardRollback.Result result = rollback.roll(route, reason);
    counts.watch(route, guard.windowSeconds());
    Counter.builder("edge_guard_breaches").description("Guard breaches seen here, by what became of them")
        .tag("route", route).tag("result", result.name().toLowerCase(Locale.ROOT))
        .register(registry).increment();
    if (result == GuardRollback.Result.TAKEN) {
      Counter.builder("edge_guard_rollbacks").description("Routes put back on legacy by this instance's guard")
          .tag("route", route).register(registry).increment();
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
