package dev.strangler.config;

import java.time.Duration;
import java.util.Set;

/**
 * How a route mirrors requests to the side that does not serve.
 *
 * @param enabled      mirror at all
 * @param sample       fraction of eligible requests mirrored, 0..1
 * @param methods      methods eligible for mirroring (upper case)
 * @param timeout      mirror response timeout
 * @param maxBody      largest request body copied for the mirror, and largest response captured
 *                     per side for comparison, in bytes
 * @param mirrorWrites whether unsafe methods may be mirrored at all
 * @param maxInFlight  mirrors of this route in flight at most; more are dropped and counted
 * @param noise        noise learning (off by default)
 */
public record ShadowConfig(
    boolean enabled,
    double sample,
    Set<String> methods,
    Duration timeout,
    long maxBody,
    boolean mirrorWrites,
    int maxInFlight,
    NoiseConfig noise) {
  public ShadowConfig {
    methods = Set.copyOf(methods);
  }

  /** Settings without noise learning. */
  public ShadowConfig(boolean enabled, double sample, Set<String> methods, Duration timeout, long maxBody,
      boolean mirrorWrites, int maxInFlight) {
    this(enabled, sample, methods, timeout, maxBody, mirrorWrites, maxInFlight, NoiseConfig.off());
  }

  /** The built-in defaults: enabled, every GET and HEAD, 5s timeout, 1MiB body, no writes, 256 in flight. */
  public static ShadowConfig standard() {
    return new ShadowConfig(true, 1.0, Set.of("GET", "HEAD"), Duration.ofSeconds(5), 1L << 20, false, 256);
  }
}
