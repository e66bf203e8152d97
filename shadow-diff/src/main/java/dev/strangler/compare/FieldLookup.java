package dev.strangler.compare;

import dev.strangler.json.Tape;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds fields of one object by name: a linear scan for small objects, a hash index (built on
 * the first lookup) for large ones.
 */
final class FieldLookup {
  private static final int LINEAR = 16;

  private final Tape tape;
  private final int object;
  private Map<String, Integer> index;

  FieldLookup(Tape tape, int object) {
    this.tape = tape;
    this.object = object;
  }

  /** The value of the field named like string {@code key} of {@code keys}, or -1. */
  int find(Tape keys, int key) {
    if (tape.count(object) <= LINEAR) {
      return tape.field(object, keys, key);
    }
    if (index == null) {
      index = new HashMap<>(tape.count(object) * 2);
      for (int k = object + 1, end = tape.next(object); k < end; k = tape.next(k + 1)) {
        index.put(tape.text(k), k + 1);
      }
    }
    return index.getOrDefault(keys.text(key), -1);
  }
}
