package dev.strangler.config;

import java.util.Objects;

/**
 * What identifies a user of a route for a progressive cutover ({@code sticky} in routes.yaml):
 * a cookie's value, a header's value, or the client address. A request without the cookie or
 * header falls back to the client address. The value is only hashed, never logged or stored.
 *
 * @param kind where the key comes from
 * @param name the cookie or header name; empty for {@link Kind#ADDRESS}
 */
public record StickyConfig(Kind kind, String name) {
  /** The default: users are told apart by the client address. */
  public static final StickyConfig ADDRESS = new StickyConfig(Kind.ADDRESS, "");

  /** Where a sticky key comes from. */
  public enum Kind { ADDRESS, COOKIE, HEADER }

  public StickyConfig {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }
}
