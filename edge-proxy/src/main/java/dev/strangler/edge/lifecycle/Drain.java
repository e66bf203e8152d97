package dev.strangler.edge.lifecycle;

import dev.strangler.config.LifecycleConfig;
import dev.strangler.edge.fleet.Fleet;
import dev.strangler.edge.mirror.MirrorSide;
import dev.strangler.edge.proxy.EdgeServer;
import dev.strangler.store.InstanceState;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an edge stops. {@link #run} is the graceful part, run once on the first SIGTERM or SIGINT
 * ({@code lifecycle} in routes.yaml):
 *
 * <ol>
 *   <li>readiness turns 503, the fleet row {@code draining}, and every answer from now on carries
 *       {@code Connection: close};
 *   <li>after {@code drain-delay} the listener closes (new connections are refused), and so does
 *       every connection sitting between requests;
 *   <li>requests in flight finish, then mirrors in flight end, within {@code drain-timeout} of the
 *       listener's close.
 * </ol>
 *
 * <p>{@link #stop} then cuts what is left, in the one order that gives every mirror-eligible
 * request its outcome and loses no record: mirrors still out are dropped ({@code shutdown}),
 * connections still open are closed, the loops hand the judge their last pairs, the judge
 * finishes its queue and the writers flush to the store and to disk; then the loops stop.
 */
public final class Drain {
  private static final Logger LOG = LoggerFactory.getLogger(Drain.class);
  private static final long POLL_MILLIS = 10;
  /** How long cut connections may take to be seen closed by their handlers. */
  private static final Duration CUT_WAIT = Duration.ofSeconds(5);

  private Drain() {}

  /**
   * What the graceful part saw.
   *
   * @param took        from the signal to the end of the wait
   * @param connections client connections still open at the deadline (cut next)
   * @param mirrors     mirrors still in flight at the deadline (dropped next)
   */
  public record Result(Duration took, int connections, int mirrors) {}

  /** Runs the graceful part of the stop; returns once nothing is in flight or the deadline passed. */
  public static Result run(LifecycleConfig config, Lifecycle lifecycle, Fleet fleet, EdgeServer server,
      MirrorSide mirror) {
    long start = System.nanoTime();
    lifecycle.draining();
    fleet.state(InstanceState.DRAINING);
    server.drain();
    LOG.info("draining: readiness 503; the listener closes in {} ms", config.drainDelay().toMillis());
    sleep(config.drainDelay());
    server.stopAccepting();
    long deadline = System.nanoTime() + config.drainTimeout().toNanos();
    LOG.info("listener closed; waiting up to {} ms for {} connection(s) and {} mirror(s) in flight",
        config.drainTimeout().toMillis(), server.openConnections(), mirror.inFlight());
    await(() -> server.openConnections() == 0, deadline);
    await(() -> mirror.inFlight() == 0, deadline);
    return new Result(Duration.ofNanos(System.nanoTime() - start), server.openConnections(), mirror.inFlight());
  }

  /** Cuts what is in flight and closes the data plane and the mirror side (see the class comment). */
  public static void stop(EdgeServer server, MirrorSide mirror) {
    mirror.stopMirrors();
    server.closeConnections();
    await(() -> server.openConnections() == 0, System.nanoTime() + CUT_WAIT.toNanos());
    mirror.close();
    server.close();
  }

  /** Polls until {@code done} holds or the deadline (a {@link System#nanoTime()} instant) passes. */
  private static void await(BooleanSupplier done, long deadlineNanos) {
    while (!done.getAsBoolean() && System.nanoTime() - deadlineNanos < 0 && !Thread.currentThread().isInterrupted()) {
      sleep(Duration.ofMillis(POLL_MILLIS));
    }
  }

  private static void sleep(Duration d) {
    try {
      TimeUnit.NANOSECONDS.sleep(d.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
