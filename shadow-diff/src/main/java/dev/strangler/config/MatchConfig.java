package dev.strangler.config;

import java.util.Set;

/**
 * Which requests a route takes.
 *
 * @param path    path template: literal segments, {@code {param}} (one segment), {@code *} (one
 *                segment) and a trailing {@code **} (any remainder, including none)
 * @param methods upper-case methods; empty means any method
 * @param host    host (without port) to match, case-insensitive; null means any host
 */
public record MatchConfig(String path, Set<String> methods, String host) {
  public MatchConfig {
    methods = Set.copyOf(methods);
  }
}
