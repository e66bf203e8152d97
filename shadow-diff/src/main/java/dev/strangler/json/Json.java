package dev.strangler.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * Parses JSON into {@link Tape}s, accepting and refusing exactly what Jackson's default
 * {@code ObjectMapper} with {@code FAIL_ON_TRAILING_TOKENS} does, and reading the same values.
 * UTF-8 goes through the fast {@link TapeParser}; input that Jackson would read as UTF-16 or
 * UTF-32 (a zero byte among the first four, or an FE/FF byte order mark) and documents that
 * repeat a field name are read by Jackson and written back as UTF-8 first, so that a repeated
 * name keeps its last value at its first place, as in Jackson's tree.
 */
public final class Json {
  private static final Tape NULL = parseOrFail("null".getBytes(StandardCharsets.US_ASCII));

  private Json() {}

  /** Parses a document. */
  public static Tape parse(byte[] bytes) throws JsonSyntaxException {
    if (jacksonDetectsOtherEncoding(bytes)) {
      return TapeParser.parse(JacksonBridge.canonical(bytes));
    }
    Tape tape = TapeParser.parse(bytes);
    return tape.duplicateKeys() ? TapeParser.parse(JacksonBridge.canonical(bytes)) : tape;
  }

  /**
   * Parses a document that is likely to share much with {@code like} (the other side of a
   * shadowed pair): objects and arrays whose bytes {@code like} holds are taken over from it
   * instead of being scanned again. The tape is the one {@link #parse(byte[])} gives.
   */
  public static Tape parse(byte[] bytes, Tape like) throws JsonSyntaxException {
    if (like == null || jacksonDetectsOtherEncoding(bytes)) {
      return parse(bytes);
    }
    Tape tape = TapeParser.parse(bytes, KnownValues.of(like));
    return tape.duplicateKeys() ? TapeParser.parse(JacksonBridge.canonical(bytes)) : tape;
  }

  /**
   * Checks that the bytes hold a document {@link #parse(byte[])} accepts, without building its
   * tape: for a pair whose two documents are the same bytes, that is all a comparison needs.
   */
  public static void validate(byte[] bytes) throws JsonSyntaxException {
    if (jacksonDetectsOtherEncoding(bytes)) {
      parse(bytes);
    } else {
      TapeParser.validate(bytes);
    }
  }

  /** Parses a document given as text. */
  public static Tape parse(String text) throws JsonSyntaxException {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The tape of a Jackson tree (written as JSON and parsed). */
  public static Tape of(JsonNode tree) {
    return parseOrFail(JacksonBridge.bytes(tree));
  }

  /** The tape of the document {@code null}. */
  public static Tape nullDocument() {
    return NULL;
  }

  private static Tape parseOrFail(byte[] bytes) {
    try {
      return parse(bytes);
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException("Jackson wrote JSON that does not parse: " + e.getMessage(), e);
    }
  }

  private static boolean jacksonDetectsOtherEncoding(byte[] b) {
    if (b.length < 2) {
      return false;
    }
    int first = b[0] & 0xFF;
    boolean zero = b[0] == 0 || b[1] == 0 || (b.length >= 4 && (b[2] == 0 || b[3] == 0));
    return zero || first == 0xFE || first == 0xFF;
  }
}
