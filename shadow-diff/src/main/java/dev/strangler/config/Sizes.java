package dev.strangler.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as written in routes.yaml: a positive whole number, optionally followed by a unit.
 * Binary units {@code KiB}, {@code MiB}, {@code GiB} are powers of 1024; decimal units {@code KB},
 * {@code MB}, {@code GB} are powers of 1000 (as in IEC 80000-13); {@code B} or no unit means bytes.
 */
public final class Sizes {
  private static final Pattern FORM = Pattern.compile("(\\d{1,12})(B|KB|MB|GB|KiB|MiB|GiB)?");
  private static final Map<String, Long> UNITS =
      Map.of(
          "B", 1L,
          "KB", 1_000L,
          "MB", 1_000_000L,
          "GB", 1_000_000_000L,
          "KiB", 1L << 10,
          "MiB", 1L << 20,
          "GiB", 1L << 30);

  private Sizes() {}

  /**
   * Parses a size into bytes.
   *
   * @throws IllegalArgumentException saying the expected form
   */
  public static long parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    long amount = m.matches() ? Long.parseLong(m.group(1)) : 0;
    if (amount == 0) {
      throw new IllegalArgumentException(
          "expected a size: a positive whole number of bytes, optionally with unit"
              + " KiB, MiB, GiB (1024-based) or KB, MB, GB (1000-based), like 512, 64KiB or 1MiB");
    }
    return amount * UNITS.get(m.group(2) == null ? "B" : m.group(2));
  }
}
