package dev.strangler.compare;

import dev.strangler.json.Tape;

/**
 * Some items of an array, by position: all of them, or the ones sharing a key.
 *
 * @param tape    the document
 * @param nodes   the entries of the items taken
 * @param indices their array indices, or {@code null} when all items are taken
 */
record Items(Tape tape, int[] nodes, int[] indices) {

  static Items all(Tape tape, int array) {
    return new Items(tape, tape.items(array), null);
  }

  /** The items at positions {@code ks} of these. */
  Items subset(int[] ks) {
    int[] taken = new int[ks.length];
    int[] at = new int[ks.length];
    for (int k = 0; k < ks.length; k++) {
      taken[k] = get(ks[k]);
      at[k] = index(ks[k]);
    }
    return new Items(tape, taken, at);
  }

  int size() {
    return nodes.length;
  }

  /** The entry of the k-th item taken. */
  int get(int k) {
    return nodes[k];
  }

  /** The array index of the k-th item taken. */
  int index(int k) {
    return indices == null ? k : indices[k];
  }
}
