package dev.strangler.json;

import java.nio.charset.StandardCharsets;

/**
 * Scans a JSON string as strictly as Jackson, eight bytes at a time ({@link Bytes#special}):
 * only the escapes {@code \" \\ \/ \b \f \n \r \t \\uXXXX}, no raw control characters, UTF-8 as
 * {@link Utf8} reads it, names of at most {@value TapeParser#MAX_NAME_LENGTH} and values of at
 * most {@value TapeParser#MAX_STRING_LENGTH} characters.
 */
final class StringText {
  private StringText() {}

  /**
   * Adds the string starting at {@code p} (its quote) to {@code out} (null: only checks it);
   * returns the offset after its closing quote.
   */
  static int scan(byte[] src, int p, TapeBuilder out, boolean name) throws JsonSyntaxException {
    int len = src.length;
    int q = p + 1;
    int flags = 0;
    while (true) {
      if (q + 8 <= len) {
        long special = Bytes.special(Bytes.word(src, q));
        if (special == 0) {
          q += 8;
          continue;
        }
        q += Bytes.firstByte(special);
      } else if (q >= len) {
        throw JsonSyntaxException.at(src, q, "Unexpected end-of-input in a string");
      }
      byte b = src[q];
      if (b == '"') {
        break;
      } else if (b == '\\') {
        q = escape(src, q);
        flags = Tape.DECODE;
      } else if (b < 0) {
        int end = Utf8.sequence(src, q, len);
        flags |= end < 0 ? Tape.DECODE : 0;
        q = end & ~Utf8.IRREGULAR;
      } else if (b < 0x20) {
        throw JsonSyntaxException.at(src, q, "Illegal unquoted character (CTRL-CHAR, code " + b
            + "): has to be escaped using backslash to be included in string value");
      } else {
        q++;
      }
    }
    if (out != null) {
      out.add(Tape.STRING | flags | (name ? Tape.NAME : 0), p, q + 1);
    }
    if (q - p > (name ? TapeParser.MAX_NAME_LENGTH : TapeParser.MAX_STRING_LENGTH)) {
      checkLength(src, p, q, flags == Tape.DECODE, name);
    }
    return q + 1;
  }

  /** A cheap hash of the text of the name just added to {@code out}, equal for equal texts whatever their escapes. */
  static long nameHash(byte[] src, TapeBuilder out) {
    int node = out.size - 1;
    long span = out.cells[2 * node];
    if ((out.cells[2 * node + 1] >>> 32 & Tape.DECODE) == 0) {
      return Bytes.quick(src, (int) (span >>> 32) + 1, (int) span - 1);
    }
    byte[] utf8 = out.view(src).text(node).getBytes(StandardCharsets.UTF_8);
    return Bytes.quick(utf8, 0, utf8.length);
  }

  /** Refuses the string from quote {@code p} to quote {@code q} if its text is over the limit. */
  private static void checkLength(byte[] src, int p, int q, boolean decode, boolean name) throws JsonSyntaxException {
    int limit = name ? TapeParser.MAX_NAME_LENGTH : TapeParser.MAX_STRING_LENGTH;
    if (Tape.text(src, p + 1, q, decode, name).length() > limit) {
      throw JsonSyntaxException.at(src, p,
          (name ? "Name" : "String value") + " length exceeds the maximum allowed (" + limit + ")");
    }
  }

  private static int escape(byte[] src, int q) throws JsonSyntaxException {
    int len = src.length;
    if (q + 1 >= len) {
      throw JsonSyntaxException.at(src, len, "Unexpected end-of-input in a character escape");
    }
    switch (src[q + 1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        return q + 2;
      case 'u':
        for (int i = q + 2; i < q + 6; i++) {
          if (i >= len) {
            throw JsonSyntaxException.at(src, len, "Unexpected end-of-input in a character escape");
          }
          if (Character.digit(src[i], 16) < 0) {
            throw JsonSyntaxException.unexpected(src, i, "expected a hex-digit for character escape sequence");
          }
        }
        return q + 6;
      default:
        throw JsonSyntaxException.unexpected(src, q + 1, "Unrecognized character escape");
    }
  }
}
