package dev.strangler.config;

import java.time.Duration;

/**
 * How the edge stops on SIGTERM or SIGINT: the optional top-level {@code lifecycle} section of
 * routes.yaml, read at start (a reload does not change it).
 *
 * @param drainDelay   how long the listener stays open after readiness turns 503, so that load
 *                     balancers see it and stop sending first (may be zero)
 * @param drainTimeout how long, once the listener is closed, requests in flight and pending
 *                     mirrors may take to finish before they are cut
 */
public record LifecycleConfig(Duration drainDelay, Duration drainTimeout) {
  /** The built-in drain: no delay, 30 s for what is in flight. */
  public static LifecycleConfig standard() {
    return new LifecycleConfig(Duration.ZERO, Duration.ofSeconds(30));
  }
}
