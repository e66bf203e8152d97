package dev.strangler.json;

/** 64-bit mixing shared by the tape's hashes and the comparison's structural hashes. */
public final class Hashes {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Hashes() {}

  /** A well-spread 64-bit value for {@code x} (the SplitMix64 finaliser). */
  public static long mix(long x) {
    long z = x + GOLDEN;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
