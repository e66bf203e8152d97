package dev.strangler.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Eight bytes at a time: loads, the SWAR search for bytes a JSON string treats specially, hashing. */
final class Bytes {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L;
  private static final long K = 0x9E3779B97F4A7C15L;

  private Bytes() {}

  /** The eight bytes at {@code at}, little-endian; {@code at + 8} must not pass the end. */
  static long word(byte[] b, int at) {
    return (long) LONGS.get(b, at);
  }

  /**
   * A mask with the high bit set in the lowest byte of {@code w} that is a quote, a backslash, a
   * control byte or a non-ASCII byte (higher bits may be false alarms); 0 when there is none.
   */
  static long special(long w) {
    long q = w ^ QUOTES;
    long b = w ^ BACKSLASHES;
    return (((q - ONES) & ~q) | ((b - ONES) & ~b) | (w - SPACES) | w) & HIGH;
  }

  /** The offset in its word of the byte a nonzero {@link #special} mask points at. */
  static int firstByte(long mask) {
    return Long.numberOfTrailingZeros(mask) >>> 3;
  }

  /** A 64-bit hash of {@code b[from..to)}; four independent lanes over 32-byte blocks, then word by word. */
  static long hash(byte[] b, int from, int to) {
    long h = (to - from) * K;
    int i = from;
    if (to - from >= 32) {
      long h1 = h ^ 0x243F6A8885A308D3L;
      long h2 = h ^ 0x13198A2E03707344L;
      long h3 = h ^ 0xA4093822299F31D0L;
      for (; i + 32 <= to; i += 32) {
        h = Long.rotateLeft((h ^ word(b, i)) * K, 29);
        h1 = Long.rotateLeft((h1 ^ word(b, i + 8)) * K, 29);
        h2 = Long.rotateLeft((h2 ^ word(b, i + 16)) * K, 29);
        h3 = Long.rotateLeft((h3 ^ word(b, i + 24)) * K, 29);
      }
      h ^= Long.rotateLeft(h1, 17) ^ Long.rotateLeft(h2, 37) ^ Long.rotateLeft(h3, 47);
    }
    for (; i + 8 <= to; i += 8) {
      h = Long.rotateLeft((h ^ word(b, i)) * K, 29);
    }
    if (i < to) {
      long tail = 0;
      if (to >= 8) {
        tail = word(b, to - 8) >>> ((8 - (to - i)) * 8);
      } else {
        for (int j = to - 1; j >= i; j--) {
          tail = (tail << 8) | (b[j] & 0xFF);
        }
      }
      h = Long.rotateLeft((h ^ tail) * K, 29);
    }
    return Hashes.mix(h);
  }

  /** {@link #quick} and, for at least 16 bytes, the eight in the middle of {@code b[from..to)}. */
  static long sample(byte[] b, int from, int to) {
    long edges = quick(b, from, to);
    int n = to - from;
    return n < 16 ? edges : edges ^ Long.rotateLeft(word(b, from + (n >>> 1) - 4), 41);
  }

  /**
   * A cheap hash of {@code b[from..to)} for telling field names apart (equal names must be
   * confirmed): the first and last eight bytes and the length.
   */
  static long quick(byte[] b, int from, int to) {
    int n = to - from;
    if (n >= 8) {
      return word(b, from) ^ Long.rotateLeft(word(b, to - 8), 23) ^ n;
    }
    long w = 0;
    if (from + 8 <= b.length) {
      w = n == 0 ? 0 : word(b, from) & (-1L >>> (64 - 8 * n));
    } else {
      for (int j = to - 1; j >= from; j--) {
        w = (w << 8) | (b[j] & 0xFF);
      }
    }
    return w ^ ((long) n << 59);
  }
}
