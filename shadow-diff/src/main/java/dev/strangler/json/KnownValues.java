package dev.strangler.json;

import java.util.Arrays;

/**
 * The objects and arrays of an already parsed document, found by their first {@value #PREFIX}
 * bytes, so that parsing a second, mostly identical document (the other side of a shadowed
 * pair) can take over a value whose bytes it shares instead of scanning them again. A value's
 * bytes that equal those of a value of a valid document are a valid value in any place, so only
 * the nesting depth is checked again. Built for one parse; not thread-safe.
 */
final class KnownValues {
  /** Bytes hashed to find a candidate; shorter values are parsed anyway. */
  static final int PREFIX = 48;
  private static final int CANDIDATES = 4;
  private static final int EMPTY = -1;

  private final Tape tape;
  private final byte[] bytes;
  private final long[] keys;
  private final int[] nodes;
  private final int mask;

  private KnownValues(Tape tape, int containers) {
    this.tape = tape;
    this.bytes = tape.bytes();
    int capacity = Integer.highestOneBit(Math.max(8, containers * 2 - 1)) << 1;
    keys = new long[capacity];
    nodes = new int[capacity];
    Arrays.fill(nodes, EMPTY);
    mask = capacity - 1;
  }

  /** The index of {@code tape}'s objects and arrays of at least {@value #PREFIX} bytes. */
  static KnownValues of(Tape tape) {
    int containers = 0;
    for (int n = 0; n < tape.size(); n++) {
      containers += indexed(tape, n) ? 1 : 0;
    }
    KnownValues known = new KnownValues(tape, containers);
    for (int n = 0; n < tape.size(); n++) {
      if (indexed(tape, n)) {
        known.put(key(known.bytes, tape.start(n)), n);
      }
    }
    return known;
  }

  private static boolean indexed(Tape tape, int n) {
    int kind = tape.kind(n);
    return (kind == Tape.OBJECT || kind == Tape.ARRAY) && tape.end(n) - tape.start(n) >= PREFIX;
  }

  /** A hash of the {@value #PREFIX} bytes at {@code at}: six words folded, then mixed once. */
  private static long key(byte[] b, int at) {
    long h = Bytes.word(b, at) ^ Long.rotateLeft(Bytes.word(b, at + 8), 11) ^ Long.rotateLeft(Bytes.word(b, at + 16), 22);
    h ^= Long.rotateLeft(Bytes.word(b, at + 24), 33) ^ Long.rotateLeft(Bytes.word(b, at + 32), 44)
        ^ Long.rotateLeft(Bytes.word(b, at + 40), 55);
    return Hashes.mix(h);
  }

  private void put(long key, int node) {
    int slot = (int) key & mask;
    while (nodes[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    nodes[slot] = node;
  }

  /** The known tape. */
  Tape tape() {
    return tape;
  }

  /** A known value whose bytes are those at {@code src[at..)}, or -1. */
  int find(byte[] src, int at) {
    if (at + PREFIX > src.length) {
      return -1;
    }
    long key = key(src, at);
    int slot = (int) key & mask;
    for (int tried = 0; nodes[slot] != EMPTY && tried < CANDIDATES; slot = (slot + 1) & mask) {
      if (keys[slot] != key) {
        continue;
      }
      tried++;
      int n = nodes[slot];
      int from = tape.start(n);
      int length = tape.end(n) - from;
      if (at + length <= src.length && Arrays.equals(src, at, at + length, bytes, from, from + length)) {
        return n;
      }
    }
    return -1;
  }
}
