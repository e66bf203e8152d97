package dev.strangler.record;

import dev.strangler.compare.Diff;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Fingerprints group records of the same bug.
 *
 * <p>For diffs: {@code route + ":" + } the first 16 hex digits of the SHA-256 of the sorted,
 * distinct {@code shape kind} pairs, one a line ({@link Diff#shape()} replaces indexes by
 * {@code [*]}, so the same field differing in different list items groups together; values
 * never count). For other outcomes: {@code route:outcome:class}, where the class says what
 * failed, e.g. {@code post-read:extract_failed:new} or {@code post-read:shadow_error:timeout}.
 */
public final class Fingerprints {
  private static final int HEX_DIGITS = 16;
  private static final int MAX_CLASS_LENGTH = 64;

  private Fingerprints() {}

  /** The fingerprint of a diff outcome. */
  public static String of(String route, List<Diff> diffs) {
    return route + ":" + hash(diffs);
  }

  /**
   * The fingerprint of a noise outcome: {@code route:noise:} and the hash a diff of the same
   * (shape, kind) pairs has, so that noise groups apart from real diffs.
   */
  public static String noise(String route, List<Diff> diffs) {
    return route + ":" + Outcome.NOISE.id() + ":" + hash(diffs);
  }

  private static String hash(List<Diff> diffs) {
    String pairs = String.join("\n", diffs.stream()
        .map(d -> d.shape() + " " + d.kind().id())
        .distinct()
        .sorted()
        .toList());
    return HexFormat.of().formatHex(sha256(pairs)).substring(0, HEX_DIGITS);
  }

  /**
   * The fingerprint of an outcome without diffs.
   *
   * @param reasonClass a short, stable class of the reason: the failing side for
   *     extract_failed, the kind of error for shadow_error; lower-cased, other characters than
   *     letters, digits, '-', '_' and '.' become '-'
   */
  public static String of(String route, Outcome outcome, String reasonClass) {
    String cls = reasonClass.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    if (cls.length() > MAX_CLASS_LENGTH) {
      cls = cls.substring(0, MAX_CLASS_LENGTH);
    }
    return route + ":" + outcome.id() + ":" + cls;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
