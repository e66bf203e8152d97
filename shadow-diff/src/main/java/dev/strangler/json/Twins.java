package dev.strangler.json;

/**
 * Which subtrees of a tape a parse took over from a known document ({@link KnownValues}): each as
 * the first entry of the copy and the known entry it repeats, in document order. Every entry of a
 * copied subtree has the bytes of the known entry at the same offset into it, so a comparison can
 * pair byte-identical values without hashing them. Keeps the known tape reachable for as long
 * as the tape that holds it.
 */
final class Twins {
  private final Tape known;
  private final int[] copies;
  private final int[] originals;

  Twins(Tape known, int[] copies, int[] originals) {
    this.known = known;
    this.copies = copies;
    this.originals = originals;
  }

  /** Whether the subtrees were taken over from {@code tape}. */
  boolean of(Tape tape) {
    return known == tape;
  }

  /**
   * For each of the ascending {@code nodes}, the known entry with its bytes that the parse took it
   * from, or -1: one pass over the copies, as both lists are in document order.
   */
  void find(int[] nodes, int[] out) {
    int c = 0;
    for (int k = 0; k < nodes.length; k++) {
      int n = nodes[k];
      while (c + 1 < copies.length && copies[c + 1] <= n) {
        c++;
      }
      int offset = n - copies[c];
      out[k] = offset >= 0 && offset < known.next(originals[c]) - originals[c] ? originals[c] + offset : -1;
    }
  }
}
