package dev.strangler.config;

import java.util.List;
import java.util.Map;

/**
 * Per-route comparison rules (JSONAssert semantics for {@code mode}).
 *
 * @param mode      strict, lenient, non-extensible or strict-order
 * @param ignore    path patterns ({@code $.a.b}, {@code $.a[*].b}, {@code *}) left out of the comparison
 * @param unordered array paths compared as multisets
 * @param keyed     array path to the key field its items are matched by
 * @param tolerance numeric path to the absolute difference still counted equal
 */
public record CompareConfig(
    CompareMode mode,
    List<String> ignore,
    List<String> unordered,
    Map<String, String> keyed,
    Map<String, Double> tolerance) {

  public CompareConfig {
    ignore = List.copyOf(ignore);
    unordered = List.copyOf(unordered);
    keyed = Map.copyOf(keyed);
    tolerance = Map.copyOf(tolerance);
  }

  /** The default rules: lenient, nothing ignored. */
  public static CompareConfig lenient() {
    return new CompareConfig(CompareMode.LENIENT, List.of(), List.of(), Map.of(), Map.of());
  }
}
