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
 * @param maxBody      largest request body copied for the mirror, in bytes
 * @param mirrorWrites whether unsafe methods may be mirrored at all
 */
public record ShadowConfig(
    boolean enabled, double sample, Set<String> methods, Duration timeout, long maxBody, boolean mirrorWrites) {
  public ShadowConfig {
    methods = Set.copyOf(methods);
  }
}
