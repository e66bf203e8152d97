package dev.strangler.record;

import java.security.SecureRandom;

/**
 * Time-ordered record ids in the ULID format: 26 Crockford base-32 characters, 48 bits of
 * milliseconds then 80 random bits. Ids sort by time as strings; ids made in the same
 * millisecond by one process sort in the order they were made.
 */
public final class RecordIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private static long lastMillis = -1;
  private static long randomHigh;
  private static long randomLow;

  private RecordIds() {}

  /** A new id for the current time. */
  public static String next() {
    return next(System.currentTimeMillis());
  }

  /** A new id for the given time (milliseconds since the epoch). */
  public static synchronized String next(long millis) {
    if (millis == lastMillis) {
      increment();
    } else {
      lastMillis = millis;
      randomHigh = RANDOM.nextInt(1 << 16) & 0xFFFFL;
      randomLow = RANDOM.nextLong();
    }
    return encode(millis, randomHigh, randomLow);
  }

  private static void increment() {
    randomLow++;
    if (randomLow == 0) {
      randomHigh = (randomHigh + 1) & 0xFFFFL;
    }
  }

  /** 48-bit time, 16 high random bits and 64 low random bits as 26 base-32 characters. */
  private static String encode(long millis, long high, long low) {
    char[] out = new char[26];
    long time = millis & 0xFFFF_FFFF_FFFFL;
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    // 80 random bits = 16 chars of 5 bits: the low 64 bits give 12 chars and 4 bits,
    // which join the 16 high bits to make the remaining 20 bits (4 chars).
    long rest = low;
    for (int i = 25; i >= 14; i--) {
      out[i] = ALPHABET[(int) (rest & 31)];
      rest >>>= 5;
    }
    long top = (high << 4) | (rest & 0xF);
    for (int i = 13; i >= 10; i--) {
      out[i] = ALPHABET[(int) (top & 31)];
      top >>>= 5;
    }
    return new String(out);
  }
}
