package dev.strangler.compare;

import dev.strangler.json.Tape;

/**
 * New items grouped by a hash of their bytes, from which the item whose bytes equal those of a
 * legacy value is taken, once: an identical pair matches under every rule.
 */
final class ByteTwins {
  private final Tape tape;
  private final int[] nodes;
  private final HashBuckets buckets;

  /** Groups the new items, leaving out those already {@code taken} ({@code null}: none). */
  ByteTwins(Items fresh, boolean[] taken) {
    this.tape = fresh.tape();
    this.nodes = fresh.nodes();
    long[] hashes = new long[nodes.length];
    for (int q = 0; q < hashes.length; q++) {
      hashes[q] = taken != null && taken[q] ? NodeHash.NO_HASH : tape.byteHash(nodes[q]);
    }
    buckets = new HashBuckets(hashes);
  }

  /** Takes out and returns the position of a new item with the bytes of {@code value} of {@code legacy}, or -1. */
  int take(Tape legacy, int value) {
    return buckets.take(legacy.byteHash(value), ItemPairing.TRIES, c -> legacy.sameBytes(value, tape, nodes[c]));
  }
}
