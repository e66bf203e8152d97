package dev.strangler.config;

import java.time.Duration;

/**
 * A route's rollback guard ({@code guard:} of a route): while the new side serves users of the
 * route, over {@code window} and once it has served {@code min-requests}, an error rate or a diff
 * rate above its limit puts the route back on legacy.
 *
 * @param maxErrorRate highest tolerated share (0 to 1) of requests served by new that end in a 5xx,
 *     a connect failure or a timeout
 * @param maxDiffRate  highest tolerated share (0 to 1) of judged mirrored pairs served by new that
 *     differ (noise counts as agreement)
 * @param minRequests  requests served by new within the window before the guard judges at all
 * @param window       how far back the guard looks, in whole seconds
 */
public record GuardConfig(double maxErrorRate, double maxDiffRate, int minRequests, Duration window) {
  /** Longest window: the counts are kept per second, one slot per second of the window. */
  public static final Duration MAX_WINDOW = Duration.ofHours(1);

  /** The values of a {@code guard: {}} without keys: 2 %, 1 %, 100 requests, 60 s. */
  public static GuardConfig standard() {
    return new GuardConfig(0.02, 0.01, 100, Duration.ofSeconds(60));
  }

  /** The window in seconds. */
  public int windowSeconds() {
    return (int) window.toSeconds();
  }
}
