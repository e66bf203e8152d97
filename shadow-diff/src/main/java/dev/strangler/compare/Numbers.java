package dev.strangler.compare;

import dev.strangler.json.Hashes;
import dev.strangler.json.Tape;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers compare by value, whatever their JSON spelling: {@code 1}, {@code 1.0} and {@code 1e0}
 * are equal (as in JSONAssert's object fields and ordered arrays). Unlike JSONAssert, which goes
 * through {@code double}, integers compare exactly, so two ids that differ beyond 2^53 differ.
 * Numbers are read as Jackson's tree reads them ({@link Tape#number}).
 */
final class Numbers {
  private static final double LONG_RANGE = 0x1p63;

  private Numbers() {}

  /** Whether two numbers are equal, or within {@code tolerance} when it is not {@code null}. */
  static boolean equal(Tape a, int i, Tape b, int j, Double tolerance) {
    long small = a.smallInteger(i);
    long other = b.smallInteger(j);
    if (small != Long.MIN_VALUE && other != Long.MIN_VALUE) {
      return small == other || (tolerance != null && Math.abs((double) small - (double) other) <= tolerance);
    }
    if (a.isFloat(i) && b.isFloat(j)) {
      double x = a.floatValue(i);
      double y = b.floatValue(j);
      return x == y || (tolerance != null && Math.abs(x - y) <= tolerance);
    }
    Number x = a.number(i);
    Number y = b.number(j);
    if (tolerance != null) {
      return exactlyEqual(x, y) || Math.abs(x.doubleValue() - y.doubleValue()) <= tolerance;
    }
    return exactlyEqual(x, y);
  }

  private static boolean exactlyEqual(Number a, Number b) {
    boolean aBinary = a instanceof Double;
    boolean bBinary = b instanceof Double;
    if (!aBinary && !bBinary) {
      return a instanceof Long && b instanceof Long ? a.longValue() == b.longValue() : big(a).equals(big(b));
    }
    if (aBinary && bBinary) {
      return a.doubleValue() == b.doubleValue();
    }
    if (aBinary && b instanceof Long) {
      return sameValue(a.doubleValue(), b.longValue());
    }
    if (bBinary && a instanceof Long) {
      return sameValue(b.doubleValue(), a.longValue());
    }
    double binary = aBinary ? a.doubleValue() : b.doubleValue();
    if (!Double.isFinite(binary)) {
      return a.doubleValue() == b.doubleValue();
    }
    return decimal(a).compareTo(decimal(b)) == 0;
  }

  private static BigInteger big(Number n) {
    return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof Double ? BigDecimal.valueOf(n.doubleValue()) : new BigDecimal(big(n));
  }

  private static boolean sameValue(double d, long l) {
    return d == Math.rint(d) && d >= -LONG_RANGE && d < LONG_RANGE && (long) d == l;
  }

  /**
   * Whether two integer literals whose bytes differ are equal: JSON allows no leading zeros, so
   * only {@code 0} and {@code -0} are one value spelled two ways.
   */
  static boolean bothZero(Tape a, int i, Tape b, int j) {
    return isZero(a, i) && isZero(b, j);
  }

  private static boolean isZero(Tape t, int n) {
    int length = t.end(n) - t.start(n);
    return t.byteAt(t.end(n) - 1) == '0' && (length == 1 || (length == 2 && t.byteAt(t.start(n)) == '-'));
  }

  /** A hash equal for all numbers {@link #equal} without tolerance counts equal. */
  static long hash(Tape t, int n) {
    long small = t.smallInteger(n);
    if (small != Long.MIN_VALUE) {
      return Hashes.mix(small);
    }
    if (t.isFloat(n)) {
      return ofDouble(t.floatValue(n));
    }
    Number x = t.number(n);
    return x instanceof Long ? Hashes.mix(x.longValue()) : ofDouble(x.doubleValue());
  }

  private static long ofDouble(double d) {
    if (d == Math.rint(d) && d >= -LONG_RANGE && d < LONG_RANGE) {
      return Hashes.mix((long) d);
    }
    return Hashes.mix(Double.doubleToLongBits(d));
  }
}
