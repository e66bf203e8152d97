package dev.strangler.json;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds objects with a repeated field name while parsing: the hashes of the names of every open
 * object are kept on one stack; when an object closes its hashes are checked for a repeat, and a
 * repeated hash is confirmed on the decoded names.
 */
final class DuplicateKeys {
  private static final int PAIRWISE = 8;

  private long[] hashes = new long[16];
  private int top;

  /** Forgets all names, for the next document. */
  void clear() {
    top = 0;
  }

  /** Where the names of an object opened now begin. */
  int mark() {
    return top;
  }

  void push(long hash) {
    if (top == hashes.length) {
      hashes = Arrays.copyOf(hashes, top * 2);
    }
    hashes[top++] = hash;
  }

  /** Whether the object at {@code node} (just closed, its names pushed since {@code mark}) repeats a name. */
  boolean repeats(int mark, TapeBuilder built, byte[] src, int node) {
    int n = top - mark;
    top = mark;
    if (n < 2 || !sameHash(mark, n)) {
      return false;
    }
    Tape tape = built.view(src);
    Set<String> names = new HashSet<>();
    for (int key = node + 1; key < tape.next(node); key = tape.next(key + 1)) {
      if (!names.add(tape.text(key))) {
        return true;
      }
    }
    return false;
  }

  private boolean sameHash(int from, int n) {
    if (n <= PAIRWISE) {
      for (int i = from; i < from + n; i++) {
        for (int j = i + 1; j < from + n; j++) {
          if (hashes[i] == hashes[j]) {
            return true;
          }
        }
      }
      return false;
    }
    Arrays.sort(hashes, from, from + n);
    for (int i = from + 1; i < from + n; i++) {
      if (hashes[i] == hashes[i - 1]) {
        return true;
      }
    }
    return false;
  }
}
