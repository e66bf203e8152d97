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
    int[] found = new int[16];
    int count = 0;
    int[] stack = new int[16];
    int depth = 0;
    if (indexed(tape, 0)) {
      stack[depth++] = 0;
    }
    while (depth > 0) {
      int n = stack[--depth];
      if (count == found.length) {
        found = Arrays.copyOf(found, count * 2);
      }
      found[count++] = n;
      boolean object = tape.kind(n) == Tape.OBJECT;
      for (int child = object ? n + 2 : n + 1, end = tape.next(n); child < end; child = object ? tape.next(child) + 1 : tape.next(child)) {
        if (indexed(tape, child)) {
          if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = child;
        }
      }
    }
    KnownValues known = new KnownValues(tape, count);
    for (int k = 0; k < count; k++) {
      known.put(key(known.bytes, tape.start(found[k])), found[k]);
    }
    return known;
  }

  /** Whether entry {@code n} is an object or array long enough to be found by its first bytes. */
  private static boolean indexed(Tape tape, int n) {
    int kind = tape.kind(n);
    return (kind == Tape.OBJECT || kind == Tape.ARRAY) && tape.end(n) - tape.start(n) >= PREFIX;
  }

  /** A hash of the {@value #PREFIX} bytes at {@code at}: six words folded, then multiplied once. */
  private static long key(byte[] b, int at) {
    long h = Bytes.word(b, at) ^ Long.rotateLeft(Bytes.word(b, at + 8), 11) ^ Long.rotateLeft(Bytes.word(b, at + 16), 22);
    h ^= Long.rotateLeft(Bytes.word(b, at + 24), 33) ^ Long.rotateLeft(Bytes.word(b, at + 32), 44)
        ^ Long.rotateLeft(Bytes.word(b, at + 40), 55);
    return h * 0x9E3779B97F4A7C15L;
  }

  private void put(long key, int node) {
    int slot = (int) (key >>> 32) & mask;
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
    int slot = (int) (key >>> 32) & mask;
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
