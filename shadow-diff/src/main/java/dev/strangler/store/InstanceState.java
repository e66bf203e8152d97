package dev.strangler.store;

import java.util.Locale;
import java.util.Optional;

/** What an edge instance says it is doing; {@code GONE} is also what a silent instance is taken for. */
public enum InstanceState {
  SERVING,
  DRAINING,
  GONE;

  /** The name stored and shown by the admin API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a stored name. */
  public static Optional<InstanceState> parse(String s) {
    for (InstanceState state : values()) {
      if (state.id().equals(s)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
