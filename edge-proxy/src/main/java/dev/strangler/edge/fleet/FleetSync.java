package dev.strangler.edge.fleet;

import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.store.InstanceRecord;
import dev.strangler.store.StateStore;
import dev.strangler.store.StoreException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's worker thread, on a store connection of its own: every {@value #POLL_MILLIS} ms,
 * or at once when {@link #wake() woken} by a notification, it reads the audit sequence and
 * applies the entries this instance has not applied yet, in order; every {@value #BEAT_MILLIS} ms
 * it writes this instance's heartbeat. While the store is down it backs off (up to
 * {@value #MAX_BACKOFF_MILLIS} ms) and keeps trying; the routing table in force stays.
 */
final class FleetSync implements AutoCloseable {
  static final long POLL_MILLIS = 500;
  static final long BEAT_MILLIS = 1000;
  static final long MAX_BACKOFF_MILLIS = 4000;
  private static final Logger LOG = LoggerFactory.getLogger(FleetSync.class);

  private final StateStore store;
  private final LiveRoutes routes;
  private final Supplier<InstanceRecord> heartbeat;
  private final StoreHealth health;
  private final Backoff backoff = new Backoff(POLL_MILLIS, MAX_BACKOFF_MILLIS);
  private final Thread thread;
  private volatile boolean closed;

  /** Starts the thread; {@code store} is this thread's own and is closed with it. */
  FleetSync(StateStore store, LiveRoutes routes, Supplier<InstanceRecord> heartbeat, StoreHealth health) {
    this.store = store;
    this.routes = routes;
    this.heartbeat = heartbeat;
    this.health = health;
    this.thread = new Thread(this::run, "fleet-sync");
    thread.setDaemon(true);
    thread.start();
  }

  /** Makes the thread look at the store now (a flip was announced, or the listener is back). */
  void wake() {
    LockSupport.unpark(thread);
  }

  private void run() {
    long nextBeat = System.nanoTime();
    while (!closed) {
      long pause;
      try {
        routes.catchUp(store, store.latestSeq());
        if (System.nanoTime() - nextBeat >= 0) {
          store.instances().beat(heartbeat.get());
          nextBeat = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BEAT_MILLIS);
        }
        health.reachable();
        backoff.reset();
        pause = POLL_MILLIS;
      } catch (StoreException e) {
        health.unreachable(e);
        pause = backoff.next();
      } catch (RuntimeException e) {
        LOG.error("fleet sync: unexpected failure, continuing", e);
        pause = backoff.next();
      }
      LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(pause));
    }
    lastBeat();
  }

  /** The beat written on the way out, so that the fleet sees a stopped instance at once. */
  private void lastBeat() {
    try {
      store.instances().beat(heartbeat.get());
    } catch (StoreException e) {
      LOG.debug("no last heartbeat: {}", StoreHealth.reason(e));
    }
  }

  @Override
  public void close() {
    closed = true;
    wake();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
