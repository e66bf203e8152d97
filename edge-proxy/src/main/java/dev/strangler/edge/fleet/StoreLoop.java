package dev.strangler.edge.fleet;

import dev.strangler.store.StoreException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread doing one piece of state-store work every period, or at once when
 * {@link #wake() woken}. While the store fails it backs off (doubling up to
 * {@value #MAX_BACKOFF_MILLIS} ms) and keeps trying; its {@link StoreHealth} logs only when the
 * failures start and end. The fleet runs two: the audit sync and the heartbeat.
 */
final class StoreLoop implements AutoCloseable {
  static final long MAX_BACKOFF_MILLIS = 4000;
  private static final Logger LOG = LoggerFactory.getLogger(StoreLoop.class);

  /** Work on the store; a {@link StoreException} means the store did not answer. */
  @FunctionalInterface
  interface Work {
    void run();
  }

  private final Work work;
  private final Work last;
  private final long periodMillis;
  private final StoreHealth health;
  private final Backoff backoff;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * Starts the thread.
   *
   * @param last work done once when the loop is closed (best effort)
   */
  StoreLoop(String name, long periodMillis, StoreHealth health, Work work, Work last) {
    this.work = work;
    this.last = last;
    this.periodMillis = periodMillis;
    this.health = health;
    this.backoff = new Backoff(periodMillis, Math.max(periodMillis, MAX_BACKOFF_MILLIS));
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Does the work now rather than at the end of the period. */
  void wake() {
    LockSupport.unpark(thread);
  }

  private void run() {
    while (!closed) {
      long pause;
      try {
        work.run();
        health.reachable();
        backoff.reset();
        pause = periodMillis;
      } catch (StoreException e) {
        health.unreachable(e);
        pause = backoff.next();
      } catch (RuntimeException e) {
        LOG.error("{}: unexpected failure, continuing", thread.getName(), e);
        pause = backoff.next();
      }
      LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(pause));
    }
    try {
      last.run();
    } catch (StoreException e) {
      LOG.debug("{}: last work not done: {}", thread.getName(), StoreHealth.reason(e));
    }
  }

  /** Stops the loop after the work in progress, then does the last work; waits up to 5 s. */
  @Override
  public void close() {
    closed = true;
    wake();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
