package dev.strangler.config;

import java.time.Duration;

/**
 * Upstream timeouts.
 *
 * @param connect  TCP connect to an upstream target (exceeded: 502)
 * @param response from request sent to response head received (exceeded: 504)
 * @param idle     an idle client or pooled upstream connection is closed after this
 */
public record Timeouts(Duration connect, Duration response, Duration idle) {}
