package dev.strangler.config;

import java.net.URI;
import java.time.Duration;

/**
 * Where every flip, weight change and guard rollback taken by this edge is POSTed
 * (top-level {@code alerts:}). The webhook may hold a secret (a token in its path or query): it
 * is never logged, only its host.
 *
 * @param webhook the receiver, an http or https URL; null: alerts are off
 * @param timeout how long one delivery attempt may take (connect and answer)
 * @param queue   events waiting for delivery at most; beyond, an event is dropped and counted
 *     (read at start only)
 * @param maxAge  how long an event is retried; an event older than this is given up and counted
 */
public record AlertsConfig(URI webhook, Duration timeout, int queue, Duration maxAge) {
  /** No webhook: alerts are off. */
  public static AlertsConfig none() {
    return new AlertsConfig(null, Duration.ofSeconds(5), 1000, Duration.ofMinutes(10));
  }

  /** Whether a webhook is configured. */
  public boolean enabled() {
    return webhook != null;
  }
}
