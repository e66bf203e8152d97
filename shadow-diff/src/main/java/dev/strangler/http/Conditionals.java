package dev.strangler.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The conditional request headers a comparison request leaves out (the mirror, the noise repeat
 * and replay): each side must answer in full, never 304 Not Modified against a validator that
 * came from the other side (ETags and dates differ between backends). The serving request keeps
 * them, and a served 304 is skipped ({@code not-modified}), never judged.
 */
public final class Conditionals {
  /** The headers left out, as spelt in requests. */
  public static final List<String> DROPPED = List.of("If-None-Match", "If-Modified-Since");
  private static final Set<String> LOWER = Set.of("if-none-match", "if-modified-since");

  private Conditionals() {}

  /** Whether a header (any case) is left out of comparison requests. */
  public static boolean dropped(String name) {
    return LOWER.contains(name.toLowerCase(Locale.ROOT));
  }
}
