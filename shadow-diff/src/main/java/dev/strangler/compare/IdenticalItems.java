package dev.strangler.compare;

import dev.strangler.json.Tape;
import java.util.Arrays;

/**
 * Pairs the items of two arrays of equal size that have identical bytes: up to {@link
 * ItemPairing#FEW} items told apart by a sample of their bytes, more through a table of byte
 * hashes. A shuffled array whose items are unchanged, or all but one, then costs no key table
 * and no walk.
 */
final class IdenticalItems {
  private int legacyLeft = -1;
  private int freshLeft = -1;
  private boolean moreLeft;

  /** Pairs the identical items of two arrays of equal size. */
  IdenticalItems(Items legacy, Items fresh) {
    if (byTwins(legacy, fresh)) {
      return;
    }
    if (legacy.size() <= ItemPairing.FEW) {
      directly(legacy, fresh);
    } else {
      byHash(legacy, fresh);
    }
  }

  /**
   * Through the subtrees the new document's parse took over from the legacy one ({@link
   * Tape#twinsIn}), when that settles it: every new item a copy of a different legacy item, or
   * all but one on each side. Identical bytes being an equivalence, any pairing of n - 1
   * identical pairs leaves over items with the bytes any other such pairing leaves over (or two
   * identical items, which then match), and what the caller reports depends on those bytes only,
   * not on which of several identical items is left. False when it does not settle it.
   */
  private boolean byTwins(Items legacy, Items fresh) {
    Tape a = legacy.tape();
    Tape b = fresh.tape();
    int n = legacy.size();
    if (n == 0 || fresh.size() != n || legacy.indices() != null || fresh.indices() != null || !b.hasTwinsIn(a)) {
      return false;
    }
    int[] twin = new int[n];
    b.twinsIn(a, fresh.nodes(), twin);
    int base = legacy.get(0);
    long[] open = new long[((legacy.get(n - 1) - base) >>> 6) + 1];
    for (int k = 0; k < n; k++) {
      int bit = legacy.get(k) - base;
      open[bit >>> 6] |= 1L << bit;
    }
    int q = -1;
    for (int c = 0; c < n; c++) {
      int bit = twin[c] - base;
      if (bit >= 0 && bit >>> 6 < open.length && (open[bit >>> 6] & 1L << bit) != 0) {
        open[bit >>> 6] &= ~(1L << bit);
      } else if (q < 0) {
        q = c;
      } else {
        return false;
      }
    }
    if (q < 0) {
      return true;
    }
    int word = 0;
    while (open[word] == 0) {
      word++;
    }
    legacyLeft = Arrays.binarySearch(legacy.nodes(), base + 64 * word + Long.numberOfTrailingZeros(open[word]));
    freshLeft = q;
    return true;
  }

  /** For a few items: each legacy item against the open new ones, by sample and then bytes. */
  private void directly(Items legacy, Items fresh) {
    long[] legacySamples = samples(legacy);
    long[] freshSamples = samples(fresh);
    int taken = 0;
    for (int k = 0; k < legacySamples.length && !moreLeft; k++) {
      int q = 0;
      while (q < freshSamples.length && ((taken >>> q & 1) != 0 || !twins(legacy, legacySamples, k, fresh, freshSamples, q))) {
        q++;
      }
      if (q < freshSamples.length) {
        taken |= 1 << q;
      } else if (legacyLeft < 0) {
        legacyLeft = k;
      } else {
        moreLeft = true;
      }
    }
    if (legacyLeft >= 0) {
      freshLeft = Integer.numberOfTrailingZeros(~taken);
    }
  }

  /** For many items: each legacy item looked up by a hash of its bytes among the new ones. */
  private void byHash(Items legacy, Items fresh) {
    ByteTwins twins = new ByteTwins(fresh, null);
    boolean[] taken = new boolean[fresh.size()];
    for (int k = 0; k < legacy.size() && !moreLeft; k++) {
      int q = twins.take(legacy.tape(), legacy.get(k));
      if (q >= 0) {
        taken[q] = true;
      } else if (legacyLeft < 0) {
        legacyLeft = k;
      } else {
        moreLeft = true;
      }
    }
    if (legacyLeft >= 0 && !moreLeft) {
      freshLeft = 0;
      while (taken[freshLeft]) {
        freshLeft++;
      }
    }
  }

  /** The byte samples ({@link dev.strangler.json.Tape#byteSample}) of the items. */
  static long[] samples(Items items) {
    long[] samples = new long[items.size()];
    for (int k = 0; k < samples.length; k++) {
      samples[k] = items.tape().byteSample(items.get(k));
    }
    return samples;
  }

  /**
   * Whether legacy item {@code k} and new item {@code q} have identical bytes, given the items'
   * {@link #samples}: unequal samples rule it out without comparing the bytes.
   */
  static boolean twins(Items legacy, long[] legacySamples, int k, Items fresh, long[] freshSamples, int q) {
    return legacySamples[k] == freshSamples[q] && legacy.tape().sameBytes(legacy.get(k), fresh.tape(), fresh.get(q));
  }

  /** Whether every item has an identical partner. */
  boolean all() {
    return legacyLeft < 0 && !moreLeft;
  }

  /** Whether exactly one item on each side has none. */
  boolean oneEach() {
    return legacyLeft >= 0 && !moreLeft;
  }

  /** The position of the legacy item left over when {@link #oneEach}. */
  int legacyLeft() {
    return legacyLeft;
  }

  /** The position of the new item left over when {@link #oneEach}. */
  int freshLeft() {
    return freshLeft;
  }
}
