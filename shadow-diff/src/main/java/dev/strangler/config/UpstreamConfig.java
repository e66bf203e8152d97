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
 */
public record UpstreamConfig(String name, List<URI> targets, int ejectAfter, Duration ejectFor) {
  public UpstreamConfig {
    targets = List.copyOf(targets);
  }
}
