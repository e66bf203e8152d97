package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers compare by value, whatever their JSON spelling: {@code 1}, {@code 1.0} and {@code 1e0}
 * are equal (as in JSONAssert's object fields and ordered arrays). Unlike JSONAssert, which goes
 * through {@code double}, integers compare exactly, so two ids that differ beyond 2^53 differ.
 */
final class Numbers {
  private static final double LONG_RANGE = 0x1p63;

  private Numbers() {}

  /** Whether two numbers are equal, or within {@code tolerance} when it is not {@code null}. */
  static boolean equal(JsonNode a, JsonNode b, Double tolerance) {
    if (tolerance != null) {
      return exactlyEqual(a, b) || Math.abs(a.doubleValue() - b.doubleValue()) <= tolerance;
    }
    return exactlyEqual(a, b);
  }

  private static boolean exactlyEqual(JsonNode a, JsonNode b) {
    boolean aIntegral = a.isIntegralNumber();
    boolean bIntegral = b.isIntegralNumber();
    if (aIntegral && bIntegral) {
      return a.canConvertToLong() && b.canConvertToLong()
          ? a.longValue() == b.longValue()
          : a.bigIntegerValue().equals(b.bigIntegerValue());
    }
    boolean aBinary = a.isDouble() || a.isFloat();
    boolean bBinary = b.isDouble() || b.isFloat();
    if (aBinary && bBinary) {
      return a.doubleValue() == b.doubleValue();
    }
    if (aBinary && bIntegral && b.canConvertToLong()) {
      return sameValue(a.doubleValue(), b.longValue());
    }
    if (bBinary && aIntegral && a.canConvertToLong()) {
      return sameValue(b.doubleValue(), a.longValue());
    }
    if ((aBinary && !Double.isFinite(a.doubleValue())) || (bBinary && !Double.isFinite(b.doubleValue()))) {
      return a.doubleValue() == b.doubleValue();
    }
    return a.decimalValue().compareTo(b.decimalValue()) == 0;
  }

  private static boolean sameValue(double d, long l) {
    return d == Math.rint(d) && d >= -LONG_RANGE && d < LONG_RANGE && (long) d == l;
  }

  /** A hash equal for all numbers {@link #equal} without tolerance counts equal. */
  static long hash(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? Hashing.mix(n.longValue()) : ofDouble(n.doubleValue());
    }
    if (n.isBigDecimal()) {
      BigDecimal d = n.decimalValue();
      if (d.signum() == 0) {
        return Hashing.mix(0L);
      }
      BigDecimal whole = d.stripTrailingZeros();
      if (whole.scale() <= 0 && whole.precision() - whole.scale() <= 19) {
        BigInteger integer = whole.toBigIntegerExact();
        if (integer.bitLength() < 64) {
          return Hashing.mix(integer.longValue());
        }
      }
      return ofDouble(d.doubleValue());
    }
    return ofDouble(n.doubleValue());
  }

  private static long ofDouble(double d) {
    if (d == Math.rint(d) && d >= -LONG_RANGE && d < LONG_RANGE) {
      return Hashing.mix((long) d);
    }
    return Hashing.mix(Double.doubleToLongBits(d));
  }
}
