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

  TapeBuilder(int expectedNodes) {
    cells = new long[2 * Math.max(16, expectedNodes)];
  }

  /** Empties the builder for the next document, keeping its array. */
  void reset() {
    size = 0;
    depth = 0;
    duplicateKeys = false;
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
  }

  /** A view of the entries so far, sharing the builder's array: valid only until the builder changes. */
  Tape view(byte[] src) {
    return new Tape(src, cells, size, depth, duplicateKeys);
  }

  /** The finished tape, with its own exactly sized copy of the entries. */
  Tape build(byte[] src) {
    return new Tape(src, Arrays.copyOf(cells, 2 * size), size, depth, duplicateKeys);
  }
}
