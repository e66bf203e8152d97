package dev.strangler.edge.guard;

import dev.strangler.edge.mirror.PairVerdicts;
import dev.strangler.edge.proxy.ExchangeObserver;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts, per watched route, the requests the new side served and how they ended, and the
 * verdicts of their mirrored pairs, into a {@link GuardWindow}. It counts per served request, so
 * it holds whether new serves all users of a route or some. Called on the event loops (requests)
 * and the judge threads (verdicts): a map read and a few adder increments, never a lock. A
 * failure or a diff nudges the guard to evaluate now rather than at its next tick.
 *
 * <p>A request counts as failed when it ended in a 5xx (the upstream's, or the edge's own 502,
 * 503, 504 for a connect failure, a full pool or a timeout) or when the upstream failed it after
 * its answer began (a reset: {@link #upstreamError} precedes {@link #finished} on the loop that
 * runs the exchange, so it is remembered for that thread until the exchange's finish).
 */
final class GuardCounts implements ExchangeObserver, PairVerdicts {
  private static final ThreadLocal<boolean[]> UPSTREAM_FAILED = ThreadLocal.withInitial(() -> new boolean[1]);

  private final ConcurrentHashMap<String, GuardWindow> watched = new ConcurrentHashMap<>();
  private final Runnable nudge;

  /** @param nudge asks for an evaluation soon; must not block */
  GuardCounts(Runnable nudge) {
    this.nudge = nudge;
  }

  @Override
  public void upstreamError(String route, Side side, String reason) {
    if (side == Side.NEW) {
      UPSTREAM_FAILED.get()[0] = true;
    }
  }

  @Override
  public void finished(String route, Side side, int status, long durationNanos) {
    if (side != Side.NEW) {
      return;
    }
    boolean[] upstreamFailed = UPSTREAM_FAILED.get();
    boolean failed = upstreamFailed[0] || status >= 500;
    upstreamFailed[0] = false;
    GuardWindow w = watched.get(route);
    if (w != null) {
      w.served(failed);
      if (failed) {
        nudge.run();
      }
    }
  }

  @Override
  public void judged(String route, Side servedBy, Outcome outcome) {
    if (servedBy != Side.NEW) {
      return;
    }
    GuardWindow w = watched.get(route);
    if (w == null) {
      return;
    }
    switch (outcome) {
      case MATCH, NOISE -> w.judged(false);
      case DIFF -> {
        w.judged(true);
        nudge.run();
      }
      default -> {}
    }
  }

  /** The window of a watched route, or null. */
  GuardWindow window(String route) {
    return watched.get(route);
  }

  /** Starts watching a route with an empty window (again, when it was watched: the counts start over). */
  void watch(String route, int seconds) {
    watched.put(route, new GuardWindow(seconds));
  }

  /** Stops watching every route not in {@code keep}. */
  void retain(Set<String> keep) {
    watched.keySet().retainAll(keep);
  }
}
