package dev.strangler.json;

/**
 * Checks one multi-byte UTF-8 sequence inside a JSON string exactly as Jackson does: a lead byte
 * {@code C0..F7} followed by the right number of {@code 10xxxxxx} bytes. Jackson also takes
 * overlong forms, encoded surrogates and code points above U+10FFFF; those sequences are
 * "irregular": the JDK decodes them differently, so strings holding them are decoded by Jackson.
 */
final class Utf8 {
  /** Added to the returned end of a sequence that is irregular. */
  static final int IRREGULAR = 1 << 31;

  private Utf8() {}

  /**
   * The offset after the sequence starting at {@code at}, or'ed with {@link #IRREGULAR}.
   *
   * @throws JsonSyntaxException on an invalid start byte, middle byte or end of input
   */
  static int sequence(byte[] src, int at, int end) throws JsonSyntaxException {
    int lead = src[at] & 0xFF;
    int more;
    boolean irregular;
    if (lead >= 0xC0 && lead <= 0xDF) {
      more = 1;
      irregular = lead < 0xC2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      more = 2;
      irregular = false;
    } else if (lead >= 0xF0 && lead <= 0xF7) {
      more = 3;
      irregular = lead >= 0xF5;
    } else {
      throw JsonSyntaxException.at(src, at, "Invalid UTF-8 start byte 0x" + Integer.toHexString(lead));
    }
    for (int i = 1; i <= more; i++) {
      if (at + i >= end) {
        throw JsonSyntaxException.at(src, end, "Unexpected end-of-input in a string");
      }
      int b = src[at + i] & 0xFF;
      if ((b & 0xC0) != 0x80) {
        throw JsonSyntaxException.at(src, at + i, "Invalid UTF-8 middle byte 0x" + Integer.toHexString(b));
      }
    }
    int second = src[at + 1] & 0xFF;
    irregular |= (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0)
        || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90);
    return (at + 1 + more) | (irregular ? IRREGULAR : 0);
  }
}
