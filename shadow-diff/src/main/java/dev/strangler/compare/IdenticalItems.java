package dev.strangler.compare;

/**
 * Pairs the items of two arrays of equal, small size ({@link ItemPairing#FEW} at most) that have
 * identical bytes, told apart first by a sample of their bytes: a shuffled array whose items are
 * unchanged, or all but one, costs no key table and no walk.
 */
final class IdenticalItems {
  private int legacyLeft = -1;
  private int freshLeft = -1;
  private boolean moreLeft;

  IdenticalItems(Items legacy, Items fresh) {
    long[] legacySamples = samples(legacy);
    long[] freshSamples = samples(fresh);
    int taken = 0;
    for (int k = 0; k < legacySamples.length && !moreLeft; k++) {
      int q = 0;
      while (q < freshSamples.length && ((taken >>> q & 1) != 0 || legacySamples[k] != freshSamples[q]
          || !legacy.tape().sameBytes(legacy.get(k), fresh.tape(), fresh.get(q)))) {
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

  /** The byte samples ({@link dev.strangler.json.Tape#byteSample}) of the items. */
  static long[] samples(Items items) {
    long[] samples = new long[items.size()];
    for (int k = 0; k < samples.length; k++) {
      samples[k] = items.tape().byteSample(items.get(k));
    }
    return samples;
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
