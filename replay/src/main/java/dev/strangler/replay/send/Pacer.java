package dev.strangler.replay.send;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket of one token: lets callers through at most {@code rate} times a second, evenly
 * spaced, without bursts. Thread-safe.
 */
public final class Pacer {
  private final long intervalNanos;
  private long next;

  private Pacer(long intervalNanos) {
    this.intervalNanos = intervalNanos;
    this.next = System.nanoTime();
  }

  /** A pacer for {@code rate} calls a second; 0 or less means no limit. */
  public static Pacer perSecond(double rate) {
    return new Pacer(rate <= 0 ? 0 : Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / rate)));
  }

  /** Waits for the caller's turn. */
  public void await() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      if (next - now < 0) {
        next = now;
      }
      wait = next - now;
      next += intervalNanos;
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
