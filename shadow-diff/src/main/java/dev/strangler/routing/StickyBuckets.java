package dev.strangler.routing;

import java.nio.charset.StandardCharsets;

/**
 * Puts a user into one of {@value #BUCKETS} buckets by a fixed, seedless hash (MurmurHash3 x86
 * 32-bit, seed 0) of the route id and the user's sticky key, so every edge instance, before and
 * after a restart, puts the same user of a route in the same bucket. Cheap enough for the event
 * loop; the key itself is never kept.
 */
public final class StickyBuckets {
  /** Buckets per route: a weight step of 1 % moves 100 of them. */
  public static final int BUCKETS = 10_000;
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private StickyBuckets() {}

  /** The bucket of {@code key} on route {@code routeId}: 0 to {@link #BUCKETS} - 1. */
  public static int bucket(String routeId, String key) {
    byte[] bytes = (routeId + '\0' + key).getBytes(StandardCharsets.UTF_8);
    return Integer.remainderUnsigned(murmur3(bytes), BUCKETS);
  }

  static int murmur3(byte[] data) {
    int h = 0;
    int blocks = data.length / 4;
    for (int i = 0; i < blocks; i++) {
      int o = i * 4;
      int k = (data[o] & 0xff) | (data[o + 1] & 0xff) << 8 | (data[o + 2] & 0xff) << 16 | (data[o + 3] & 0xff) << 24;
      h ^= mix(k);
      h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }
    int tail = blocks * 4;
    int rest = data.length & 3;
    if (rest > 0) {
      int k = data[tail] & 0xff;
      if (rest > 1) {
        k |= (data[tail + 1] & 0xff) << 8;
      }
      if (rest > 2) {
        k |= (data[tail + 2] & 0xff) << 16;
      }
      h ^= mix(k);
    }
    h ^= data.length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static int mix(int k) {
    return Integer.rotateLeft(k * C1, 15) * C2;
  }
}
