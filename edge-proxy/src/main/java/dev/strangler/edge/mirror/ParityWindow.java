package dev.strangler.edge.mirror;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Match rate of one route over a sliding window of fixed buckets: agreements (match, and noise:
 * differences only in learned noise) divided by judged comparisons (those and diff,
 * extract_failed). Lock-free; stale buckets are cleared as time moves.
 */
final class ParityWindow {
  private final long bucketMillis;
  private final int buckets;
  private final AtomicLongArray epochs;
  private final AtomicLongArray matches;
  private final AtomicLongArray judged;

  ParityWindow(long windowMillis, int buckets) {
    this.buckets = buckets;
    this.bucketMillis = Math.max(1, windowMillis / buckets);
    this.epochs = new AtomicLongArray(buckets);
    this.matches = new AtomicLongArray(buckets);
    this.judged = new AtomicLongArray(buckets);
  }

  void record(boolean match, long nowMillis) {
    long epoch = nowMillis / bucketMillis;
    int i = (int) (epoch % buckets);
    long seen = epochs.get(i);
    if (seen != epoch && epochs.compareAndSet(i, seen, epoch)) {
      matches.set(i, 0);
      judged.set(i, 0);
    }
    judged.incrementAndGet(i);
    if (match) {
      matches.incrementAndGet(i);
    }
  }

  /** The match rate in the window, or NaN when nothing was judged. */
  double parity(long nowMillis) {
    long epoch = nowMillis / bucketMillis;
    long m = 0;
    long j = 0;
    for (int i = 0; i < buckets; i++) {
      if (epoch - epochs.get(i) < buckets) {
        m += matches.get(i);
        j += judged.get(i);
      }
    }
    return j == 0 ? Double.NaN : (double) m / j;
  }
}
