package dev.strangler.compare;

/** 64-bit mixing for the structural hashes. */
final class Hashing {
  private Hashing() {}

  /** A well-spread 64-bit value for {@code x} (the SplitMix64 finaliser). */
  static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A well-spread 64-bit value for a string. */
  static long of(String s) {
    return mix(s.hashCode() ^ ((long) s.length() << 32));
  }
}
