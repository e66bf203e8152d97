package dev.strangler.edge.metrics;

/**
 * What one side of a route answered on this instance.
 *
 * @param answered requests answered since start
 * @param errors   of them, 5xx answers (the edge's own 502/504 for connect failures and timeouts
 *                 included)
 * @param p50Millis median time to a complete answer over the last few minutes, null without one
 * @param p99Millis 99th percentile over the same minutes, null without one
 */
public record SideStats(long answered, long errors, Double p50Millis, Double p99Millis) {}
