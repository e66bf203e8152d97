package dev.strangler.json;

import java.util.Arrays;

/** The growing node arrays of a {@link Tape} while it is parsed. */
final class TapeBuilder {
  long[] spans;
  int[] nexts;
  int[] infos;
  int size;
  boolean duplicateKeys;

  TapeBuilder(int expectedNodes) {
    int capacity = Math.max(16, expectedNodes);
    spans = new long[capacity];
    nexts = new int[capacity];
    infos = new int[capacity];
  }

  /** Appends a node; containers get their end, next and count when they close. */
  int add(int info, int start, int end) {
    if (size == spans.length) {
      int capacity = size * 2;
      spans = Arrays.copyOf(spans, capacity);
      nexts = Arrays.copyOf(nexts, capacity);
      infos = Arrays.copyOf(infos, capacity);
    }
    int node = size++;
    spans[node] = ((long) start << 32) | end;
    nexts[node] = size;
    infos[node] = info;
    return node;
  }

  /** Closes container {@code node} at byte {@code end} with {@code count} items or fields. */
  void close(int node, int end, int count) {
    spans[node] = (spans[node] & 0xFFFFFFFF00000000L) | end;
    nexts[node] = size;
    infos[node] |= count << Tape.COUNT_SHIFT;
  }

  void flag(int node, int flag) {
    infos[node] |= flag;
  }

  Tape build(byte[] src) {
    return new Tape(src, spans, nexts, infos, size, duplicateKeys);
  }
}
