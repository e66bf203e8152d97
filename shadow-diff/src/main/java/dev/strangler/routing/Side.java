package dev.strangler.routing;

import java.util.Locale;
import java.util.Optional;

/** The two backends of a strangler migration. */
public enum Side {
  LEGACY,
  NEW;

  /** The name used in routes.yaml, records and the admin API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The side that does not serve when this one does. */
  public Side other() {
    return this == LEGACY ? NEW : LEGACY;
  }

  /** Parses "legacy" or "new" (case-insensitive). */
  public static Optional<Side> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "legacy" -> Optional.of(LEGACY);
      case "new" -> Optional.of(NEW);
      default -> Optional.empty();
    };
  }

  @Override
  public String toString() {
    return id();
  }
}
