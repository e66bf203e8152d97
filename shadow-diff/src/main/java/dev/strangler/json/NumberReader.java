package dev.strangler.json;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Reads number literals as Jackson's tree does: an integer as a {@code long} or, beyond, a
 * {@link BigInteger}; a number with a fraction or exponent as a {@code double}, exactly as
 * {@link Double#parseDouble} would, by a single division when it can.
 */
final class NumberReader {
  private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  private NumberReader() {}

  /** The number as Jackson's tree holds it: a {@link Long}, a {@link BigInteger} or a {@link Double}. */
  static Number read(byte[] src, int from, int to, boolean isFloat) {
    if (isFloat) {
      return decimalDouble(src, from, to);
    }
    long small = smallInteger(src, from, to);
    if (small != Long.MIN_VALUE) {
      return small;
    }
    BigInteger big = new BigInteger(new String(src, from, to - from, StandardCharsets.US_ASCII));
    return big.bitLength() < 64 ? (Number) big.longValue() : big;
  }

  /** An integer of at most 18 digits, or {@link Long#MIN_VALUE}. */
  static long smallInteger(byte[] src, int from, int to) {
    boolean negative = src[from] == '-';
    int p = negative ? from + 1 : from;
    if (to - p > 18) {
      return Long.MIN_VALUE;
    }
    long v = 0;
    for (; p < to; p++) {
      v = v * 10 + (src[p] - '0');
    }
    return negative ? -v : v;
  }

  /**
   * A number with a fraction or exponent as a double, exactly as {@link Double#parseDouble}: by a
   * single division when the digits fit 2^53 and there is no exponent, else by the JDK.
   */
  static double decimalDouble(byte[] src, int from, int to) {
    boolean negative = src[from] == '-';
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (int p = negative ? from + 1 : from; p < to; p++) {
      byte c = src[p];
      if (c == '.') {
        fraction = 0;
      } else if (c >= '0' && c <= '9' && digits < 16) {
        mantissa = mantissa * 10 + (c - '0');
        digits += mantissa == 0 ? 0 : 1;
        fraction += fraction >= 0 ? 1 : 0;
      } else {
        return Double.parseDouble(new String(src, from, to - from, StandardCharsets.US_ASCII));
      }
    }
    if (mantissa >= 1L << 53 || fraction > 22) {
      return Double.parseDouble(new String(src, from, to - from, StandardCharsets.US_ASCII));
    }
    double v = fraction <= 0 ? mantissa : mantissa / POWERS[fraction];
    return negative ? -v : v;
  }
}
