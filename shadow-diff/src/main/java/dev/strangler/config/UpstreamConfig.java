package dev.strangler.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One upstream: a set of targets used round-robin, with passive ejection of failing targets.
 *
 * @param name         upstream name as referenced by routes ("legacy" or "new")
 * @param targets      {@code http://host:port} base URIs
 * @param ejectAfter   consecutive connect failures/timeouts that eject a target
 * @param ejectFor     how long an ejected target is skipped
 * @param mirrorPipelining mirror requests that may wait for their answers on one connection to a
 *                     target (HTTP/1.1 pipelining of safe methods); 1 sends one at a time
 */
public record UpstreamConfig(
    String name, List<URI> targets, int ejectAfter, Duration ejectFor, int mirrorPipelining) {
  /** Mirror requests pipelined on one connection unless routes.yaml says otherwise. */
  public static final int DEFAULT_MIRROR_PIPELINING = 16;

  public UpstreamConfig {
    targets = List.copyOf(targets);
  }

  /** An upstream with the default mirror pipelining. */
  public UpstreamConfig(String name, List<URI> targets, int ejectAfter, Duration ejectFor) {
    this(name, targets, ejectAfter, ejectFor, DEFAULT_MIRROR_PIPELINING);
  }
}
