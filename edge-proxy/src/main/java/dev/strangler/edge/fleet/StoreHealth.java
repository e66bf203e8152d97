package dev.strangler.edge.fleet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the state store answers, as the fleet's threads find it. Only changes are logged (one
 * line when it goes away, one when it is back), so an outage does not flood the log. Exposed as
 * {@code edge_store_up} (1 or 0).
 */
final class StoreHealth {
  private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);
  private static final long UP = 0;

  /** 0 while up; else when (epoch millis) the store was first found down. */
  private final AtomicLong downSince = new AtomicLong(UP);

  StoreHealth(MeterRegistry registry) {
    Gauge.builder("edge_store_up", this, h -> h.up() ? 1 : 0)
        .description("Whether the state store answers (1) or not (0)")
        .register(registry);
  }

  boolean up() {
    return downSince.get() == UP;
  }

  /** An attempt at the store succeeded. */
  void reachable() {
    long since = downSince.getAndSet(UP);
    if (since != UP) {
      LOG.info("state store reachable again after {} s; catching up with the flips taken meanwhile",
          Duration.ofMillis(System.currentTimeMillis() - since).toSeconds());
    }
  }

  /** An attempt at the store failed. */
  void unreachable(RuntimeException e) {
    if (downSince.compareAndSet(UP, Math.max(1, System.currentTimeMillis()))) {
      LOG.warn("state store unreachable ({}); serving the last known routing table, flips answer 503"
          + " until it returns", reason(e));
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
