package dev.strangler.edge.fleet;

/** Delays between attempts at an unreachable store: doubling from a first delay up to a cap. */
final class Backoff {
  private final long firstMillis;
  private final long maxMillis;
  private long nextMillis;

  Backoff(long firstMillis, long maxMillis) {
    this.firstMillis = firstMillis;
    this.maxMillis = maxMillis;
    this.nextMillis = firstMillis;
  }

  /** The delay before the next attempt; each call doubles the one after, up to the cap. */
  long next() {
    long delay = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return delay;
  }

  /** An attempt succeeded: the next failure waits the first delay again. */
  void reset() {
    nextMillis = firstMillis;
  }
}
