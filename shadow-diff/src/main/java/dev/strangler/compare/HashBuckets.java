package dev.strangler.compare;

import dev.strangler.json.Hashes;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Positions grouped by a 64-bit hash, each group in ascending order, from which positions are
 * taken once paired: an open-addressing table of group heads with a chain through the positions.
 */
final class HashBuckets {
  private static final int END = -1;

  private final long[] keys;
  private final boolean[] occupied;
  private final int[] heads;
  private final int[] next;
  private final int mask;

  /** Groups positions {@code 0..hashes.length-1}; positions with {@link NodeHash#NO_HASH} are left out. */
  HashBuckets(long[] hashes) {
    int capacity = Integer.highestOneBit(Math.max(4, hashes.length * 2 - 1)) << 1;
    keys = new long[capacity];
    occupied = new boolean[capacity];
    heads = new int[capacity];
    Arrays.fill(heads, END);
    next = new int[hashes.length];
    mask = capacity - 1;
    for (int p = hashes.length - 1; p >= 0; p--) {
      if (hashes[p] != NodeHash.NO_HASH) {
        int slot = slot(hashes[p]);
        occupied[slot] = true;
        keys[slot] = hashes[p];
        next[p] = heads[slot];
        heads[slot] = p;
      }
    }
  }

  /**
   * Offers up to {@code tries} positions with this hash, in ascending order, to {@code accept};
   * takes out and returns the first accepted, or -1.
   */
  int take(long hash, int tries, IntPredicate accept) {
    int slot = slot(hash);
    int previous = END;
    int p = heads[slot];
    for (int tried = 0; p != END && tried < tries; tried++) {
      if (accept.test(p)) {
        if (previous == END) {
          heads[slot] = next[p];
        } else {
          next[previous] = next[p];
        }
        return p;
      }
      previous = p;
      p = next[p];
    }
    return END;
  }

  private int slot(long hash) {
    int slot = (int) Hashes.mix(hash) & mask;
    while (occupied[slot] && keys[slot] != hash) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
