package dev.strangler.compare;

import dev.strangler.json.Tape;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compares a keyed array: items are matched by the value of their key field, in linear time.
 * An item whose key the other side lacks is missing or unexpected at {@code [field=value]};
 * items sharing a key (duplicate keys) are compared as a multiset among themselves, all at the
 * same keyed path; items without the key field (or not objects) are compared as a multiset among
 * themselves at their index paths. Key values compare like values ({@code 1} equals {@code 1.0}).
 */
final class KeyedItems {
  private final Walk walk;
  private final RuleState item;
  private final String keyField;
  private final byte[] keyName;
  private final Items legacy;
  private final Items fresh;

  private KeyedItems(Walk walk, RuleState item, String keyField, Items legacy, Items fresh) {
    this.walk = walk;
    this.item = item;
    this.keyField = keyField;
    this.keyName = keyField.getBytes(StandardCharsets.UTF_8);
    this.legacy = legacy;
    this.fresh = fresh;
  }

  /** Compares array {@code i} of the legacy tape with array {@code j} of the new one. */
  static void compare(Walk walk, RuleState item, String keyField, int i, int j) {
    if (walk.probing() && walk.legacy().count(i) != walk.fresh().count(j)) {
      walk.fail();
      return;
    }
    new KeyedItems(walk, item, keyField, Items.all(walk.legacy(), i), Items.all(walk.fresh(), j)).byKey();
  }

  /** Walks the keys in order of first appearance, legacy side first. */
  private void byKey() {
    Map<KeyValue, Slot> slots = new LinkedHashMap<>(Math.max(16, (legacy.size() + fresh.size()) * 4 / 3));
    for (int i = 0; i < legacy.size(); i++) {
      slots.computeIfAbsent(keyValue(legacy, i), k -> new Slot()).legacy.add(i);
    }
    for (int i = 0; i < fresh.size(); i++) {
      slots.computeIfAbsent(keyValue(fresh, i), k -> new Slot()).fresh.add(i);
    }
    for (Map.Entry<KeyValue, Slot> entry : slots.entrySet()) {
      compare(entry.getKey(), entry.getValue());
      if (walk.failed()) {
        return;
      }
    }
  }

  private void compare(KeyValue key, Slot slot) {
    PathStack stack = walk.path();
    Positions mine = slot.legacy;
    Positions theirs = slot.fresh;
    if (mine.size == 1 && theirs.size == 1) {
      push(key, mine.first);
      walk.node(item, legacy.get(mine.first), fresh.get(theirs.first));
      stack.pop();
    } else if (theirs.size == 0) {
      for (int index : mine.all()) {
        push(key, index);
        walk.report(DiffKind.MISSING, legacy.get(index), -1);
        stack.pop();
      }
    } else if (mine.size == 0) {
      for (int index : theirs.all()) {
        push(key, index);
        walk.report(DiffKind.UNEXPECTED, -1, fresh.get(index));
        stack.pop();
      }
    } else {
      ItemPath path = key == KeyValue.NONE ? ItemPath.INDEX : (s, index) -> s.pushKey(keyField, key);
      ItemPairing.compare(walk, item, legacy.subset(mine.all()), fresh.subset(theirs.all()), path);
    }
  }

  private void push(KeyValue key, int index) {
    if (key == KeyValue.NONE) {
      walk.path().pushIndex(index);
    } else {
      walk.path().pushKey(keyField, key);
    }
  }

  private KeyValue keyValue(Items items, int k) {
    Tape t = items.tape();
    int value = items.get(k);
    int key = t.kind(value) == Tape.OBJECT ? t.field(value, keyField, keyName) : -1;
    return key < 0 ? KeyValue.NONE : KeyValue.of(t, key);
  }

  /** The items of each side with one key. */
  private static final class Slot {
    final Positions legacy = new Positions();
    final Positions fresh = new Positions();
  }

  /** Indices: the first held directly, as most keys are unique. */
  private static final class Positions {
    int first;
    int size;
    private int[] more;

    void add(int index) {
      if (size == 0) {
        first = index;
      } else {
        if (more == null) {
          more = new int[4];
        } else if (size - 1 == more.length) {
          more = Arrays.copyOf(more, more.length * 2);
        }
        more[size - 1] = index;
      }
      size++;
    }

    int[] all() {
      int[] all = new int[size];
      if (size > 0) {
        all[0] = first;
        System.arraycopy(more == null ? new int[0] : more, 0, all, 1, size - 1);
      }
      return all;
    }
  }
}
