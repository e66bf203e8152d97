package dev.strangler.json;

import java.util.Arrays;

/**
 * The growing entries of a {@link Tape} while it is parsed: two longs an entry in one array,
 * {@code start << 32 | end} and {@code info << 32 | next}.
 */
final class TapeBuilder {
  private static final int LARGE = 1 << 20;

  long[] cells;
  int size;
  boolean duplicateKeys;
  int depth;
  /** The subtrees taken over from a known document: where each copy starts, and its original. */
  private int[] copies = new int[16];
  private int[] originals = new int[16];
  private int copied;

  TapeBuilder(int expectedNodes) {
    cells = new long[2 * Math.max(16, expectedNodes)];
  }

  /** Empties the builder for the next document, keeping its array. */
  void reset() {
    size = 0;
    depth = 0;
    duplicateKeys = false;
    copied = 0;
  }

  /** Appends an entry; containers get their end, next and count when they close. */
  int add(int info, int start, int end) {
    int node = size;
    int at = 2 * node;
    if (at == cells.length) {
      cells = Arrays.copyOf(cells, at * 2);
    }
    cells[at] = ((long) start << 32) | end;
    cells[at + 1] = ((long) info << 32) | (node + 1);
    size = node + 1;
    return node;
  }

  /** Makes room for {@code count} entries filled in by the caller; returns the first. */
  int reserve(int count) {
    int first = size;
    if (2 * (first + count) > cells.length) {
      cells = Arrays.copyOf(cells, Math.max(cells.length * 2, 2 * (first + count)));
    }
    size = first + count;
    return first;
  }

  /** Records that the entries from {@code first} copy the subtree of known entry {@code original}. */
  void copied(int first, int original) {
    if (copied == copies.length) {
      copies = Arrays.copyOf(copies, copied * 2);
      originals = Arrays.copyOf(originals, copied * 2);
    }
    copies[copied] = first;
    originals[copied++] = original;
  }

  /** Closes container {@code node} at byte {@code end} with {@code count} items or fields. */
  void close(int node, int end, int count) {
    int at = 2 * node;
    cells[at] = (cells[at] & 0xFFFFFFFF00000000L) | end;
    cells[at + 1] = ((cells[at + 1] >>> 32 | ((long) count << Tape.COUNT_SHIFT)) << 32) | size;
  }

  /** Lets go of a very large array after a very large document. */
  void shrink() {
    if (cells.length > LARGE) {
      cells = new long[2048];
    }
    if (copies.length > LARGE) {
      copies = new int[16];
      originals = new int[16];
    }
  }

  /** A view of the entries so far, sharing the builder's array: valid only until the builder changes. */
  Tape view(byte[] src) {
    return new Tape(src, cells, size, depth, duplicateKeys, null);
  }

  /**
   * The finished tape, with its own exactly sized copy of the entries, and the {@link Twins} of
   * the subtrees copied from {@code known} (null: none).
   */
  Tape build(byte[] src, Tape known) {
    Twins twins = copied == 0 || known == null
        ? null
        : new Twins(known, Arrays.copyOf(copies, copied), Arrays.copyOf(originals, copied));
    return new Tape(src, Arrays.copyOf(cells, 2 * size), size, depth, duplicateKeys, twins);
  }
}
