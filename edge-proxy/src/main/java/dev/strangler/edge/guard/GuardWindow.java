package dev.strangler.edge.guard;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the new side served on one route over the last {@code seconds} seconds: a ring of
 * per-second buckets, lock-free and cheap enough for the event loops. A bucket is replaced (one
 * compare-and-set) by the first count of a new second; a count racing that replacement may be
 * lost, which the guard tolerates. Seconds come from the monotonic clock.
 */
final class GuardWindow {
  private static final long ORIGIN = System.nanoTime();

  /** The sums over the window. */
  record Totals(long served, long failed, long judged, long differed) {}

  private static final class Bucket {
    final long second;
    final LongAdder served = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder judged = new LongAdder();
    final LongAdder differed = new LongAdder();

    Bucket(long second) {
      this.second = second;
    }
  }

  private final int seconds;
  private final AtomicReferenceArray<Bucket> ring;

  GuardWindow(int seconds) {
    this.seconds = seconds;
    this.ring = new AtomicReferenceArray<>(seconds);
  }

  int seconds() {
    return seconds;
  }

  /** A request served by new ended; {@code failed}: 5xx, connect failure, timeout or reset. */
  void served(boolean failed) {
    Bucket b = bucket(now());
    if (b != null) {
      b.served.increment();
      if (failed) {
        b.failed.increment();
      }
    }
  }

  /** A pair served by new was judged; {@code differed}: a diff (noise is agreement). */
  void judged(boolean differed) {
    Bucket b = bucket(now());
    if (b != null) {
      b.judged.increment();
      if (differed) {
        b.differed.increment();
      }
    }
  }

  /** The sums of the buckets of the last {@code seconds} seconds, this one included. */
  Totals totals() {
    long now = now();
    long served = 0;
    long failed = 0;
    long judged = 0;
    long differed = 0;
    for (int i = 0; i < seconds; i++) {
      Bucket b = ring.get(i);
      if (b != null && b.second > now - seconds && b.second <= now) {
        served += b.served.sum();
        failed += b.failed.sum();
        judged += b.judged.sum();
        differed += b.differed.sum();
      }
    }
    return new Totals(served, failed, judged, differed);
  }

  /** This second's bucket, or null for a caller whose second has already been replaced. */
  private Bucket bucket(long second) {
    int slot = (int) Math.floorMod(second, (long) seconds);
    while (true) {
      Bucket b = ring.get(slot);
      if (b != null && b.second >= second) {
        return b.second == second ? b : null;
      }
      Bucket fresh = new Bucket(second);
      if (ring.compareAndSet(slot, b, fresh)) {
        return fresh;
      }
    }
  }

  private static long now() {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - ORIGIN);
  }
}
