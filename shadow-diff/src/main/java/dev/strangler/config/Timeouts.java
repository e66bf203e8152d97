package dev.strangler.config;

import java.time.Duration;

/**
 * Upstream timeouts.
 *
 * @param connect  TCP connect to an upstream target (exceeded: 502)
 * @param response from request sent to response head received (exceeded: 504)
 * @param idle     an idle client or pooled upstream connection is closed after this
 */
public record Timeouts(Duration connect, Duration response, Duration idle) {

  /** The built-in defaults: connect 1s, response 30s, idle 60s. */
  public static Timeouts standard() {
    return new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
  }
}
