package dev.strangler.json;

/**
 * Scans a JSON number as strictly as Jackson: an optional minus, no leading zeros, digits after a
 * decimal point and in an exponent, at most {@value TapeParser#MAX_NUMBER_LENGTH} digits in all.
 */
final class NumberText {
  private NumberText() {}

  /** Adds the number starting at {@code p} to {@code out} (null: only checks it); returns the offset after it. */
  static int scan(byte[] src, int p, TapeBuilder out) throws JsonSyntaxException {
    int len = src.length;
    int q = p;
    if (src[q] == '-') {
      q++;
    }
    int digits = q;
    if (q >= len) {
      throw JsonSyntaxException.at(src, q, "Unexpected end-of-input in a number");
    }
    if (src[q] == '0') {
      q++;
      if (q < len && isDigit(src[q])) {
        throw JsonSyntaxException.at(src, q, "Invalid numeric value: Leading zeroes not allowed");
      }
    } else if (isDigit(src[q])) {
      q = digits(src, q + 1);
    } else {
      throw JsonSyntaxException.at(src, q, "Unexpected character in numeric value: expected digit (0-9) to follow minus sign");
    }
    int integer = q - digits;
    int flags = 0;
    int count = integer;
    if (q < len && src[q] == '.') {
      int from = q + 1;
      q = required(src, from, "Decimal point not followed by a digit");
      count += q - from;
      flags = Tape.FLOAT;
    }
    if (q < len && (src[q] == 'e' || src[q] == 'E')) {
      q++;
      if (q < len && (src[q] == '+' || src[q] == '-')) {
        q++;
      }
      int from = q;
      q = required(src, from, "Exponent indicator not followed by a digit");
      count += q - from;
      flags = Tape.FLOAT;
    }
    if (count > TapeParser.MAX_NUMBER_LENGTH) {
      throw JsonSyntaxException.at(src, p, "Number value length exceeds the maximum allowed (" + TapeParser.MAX_NUMBER_LENGTH + ")");
    }
    if (out != null) {
      out.add(Tape.NUMBER | flags, p, q);
    }
    return q;
  }

  private static int required(byte[] src, int q, String why) throws JsonSyntaxException {
    if (q >= src.length) {
      throw JsonSyntaxException.at(src, q, "Unexpected end-of-input in a number");
    }
    if (!isDigit(src[q])) {
      throw JsonSyntaxException.at(src, q, "Unexpected character in numeric value: " + why);
    }
    return digits(src, q + 1);
  }

  private static int digits(byte[] src, int q) {
    while (q < src.length && isDigit(src[q])) {
      q++;
    }
    return q;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
