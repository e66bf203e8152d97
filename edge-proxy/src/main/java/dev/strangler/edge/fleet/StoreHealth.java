package dev.strangler.edge.fleet;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the state store answers one of the fleet's threads. Only changes are logged (one line
 * when it stops answering, one when it is back), so an outage does not flood the log.
 */
final class StoreHealth {
  private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);
  private static final long UP = 0;

  private final String who;
  private final String meanwhile;
  /** 0 while up; else when (epoch millis) the store was first found down. */
  private final AtomicLong downSince = new AtomicLong(UP);

  /**
   * @param who       names the thread in log lines
   * @param meanwhile what happens while the store is down, for the log line
   */
  StoreHealth(String who, String meanwhile) {
    this.who = who;
    this.meanwhile = meanwhile;
  }

  boolean up() {
    return downSince.get() == UP;
  }

  /** An attempt at the store succeeded. */
  void reachable() {
    long since = downSince.getAndSet(UP);
    if (since != UP) {
      LOG.info("{}: state store reachable again after {} s", who,
          Duration.ofMillis(System.currentTimeMillis() - since).toSeconds());
    }
  }

  /** An attempt at the store failed. */
  void unreachable(RuntimeException e) {
    if (downSince.compareAndSet(UP, Math.max(1, System.currentTimeMillis()))) {
      LOG.warn("{}: state store unreachable ({}); {}", who, reason(e), meanwhile);
    }
  }

  /** The deepest cause's message: what the driver said, never a URL or credentials of ours. */
  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
