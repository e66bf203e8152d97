package dev.strangler.edge.fleet;

/**
 * Delays between attempts at something unreachable (the store, a webhook): doubling from a first
 * delay up to a cap. Not thread-safe.
 */
public final class Backoff {
  private final long firstMillis;
  private final long maxMillis;
  private long nextMillis;

  public Backoff(long firstMillis, long maxMillis) {
    this.firstMillis = firstMillis;
    this.maxMillis = maxMillis;
    this.nextMillis = firstMillis;
  }

  /** The delay before the next attempt; each call doubles the one after, up to the cap. */
  public long next() {
    long delay = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return delay;
  }

  /** An attempt succeeded: the next failure waits the first delay again. */
  public void reset() {
    nextMillis = firstMillis;
  }
}
