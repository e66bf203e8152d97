package dev.strangler.compare;

import dev.strangler.json.Tape;
import java.nio.charset.StandardCharsets;

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
    KeyedItems keyed = new KeyedItems(walk, item, keyField, Items.all(walk.legacy(), i), Items.all(walk.fresh(), j));
    if (!keyed.byIdenticalBytes()) {
      keyed.byKey();
    }
  }

  /**
   * For equally many items on each side: when all are identical to one on the other side but at
   * most one pair with equal keys, that pair is all there is to compare. Identical items have
   * equal keys and match under every rule, so grouping by key would pair them too and leave just
   * that pair in its group (of at most {@link ItemPairing#FEW} items, which pair directly), diffed
   * at its key. False when this does not apply.
   */
  private boolean byIdenticalBytes() {
    if (legacy.size() != fresh.size()) {
      return false;
    }
    IdenticalItems same = new IdenticalItems(legacy, fresh);
    if (same.all()) {
      return true;
    }
    if (!same.oneEach()) {
      return false;
    }
    Tape a = legacy.tape();
    Tape b = fresh.tape();
    int mine = legacy.get(same.legacyLeft());
    int theirs = fresh.get(same.freshLeft());
    int myKey = KeySlots.keyOf(a, mine, keyField, keyName);
    int theirKey = KeySlots.keyOf(b, theirs, keyField, keyName);
    if (myKey < 0 || theirKey < 0 || !KeyValue.equal(a, myKey, b, theirKey)) {
      return false;
    }
    int shown = shownKey(myKey, same.legacyLeft());
    if (shown < 0) {
      return false;
    }
    walk.path().pushKey(keyField, a, shown);
    walk.node(item, mine, theirs);
    walk.path().pop();
    return true;
  }

  /** Walks the keys in order of first appearance, legacy side first. */
  private void byKey() {
    try (KeySlots slots = KeySlots.of(legacy, fresh, keyField, keyName)) {
      for (int s = 0; s < slots.size() && !walk.failed(); s++) {
        compare(slots, s);
      }
    }
  }

  private void compare(KeySlots slots, int s) {
    PathStack stack = walk.path();
    int mine = slots.count(0, s);
    int theirs = slots.count(1, s);
    if (mine == 1 && theirs == 1) {
      push(slots, s, slots.first(0, s));
      walk.node(item, legacy.get(slots.first(0, s)), fresh.get(slots.first(1, s)));
      stack.pop();
    } else if (theirs == 0) {
      for (int index : slots.positions(0, s)) {
        push(slots, s, index);
        walk.report(DiffKind.MISSING, legacy.get(index), -1);
        stack.pop();
      }
    } else if (mine == 0) {
      for (int index : slots.positions(1, s)) {
        push(slots, s, index);
        walk.report(DiffKind.UNEXPECTED, -1, fresh.get(index));
        stack.pop();
      }
    } else {
      ItemPath path = slots.keyless(s) ? ItemPath.INDEX : (p, index) -> p.pushKey(keyField, slots.keyTape(s), slots.keyNode(s));
      ItemPairing.compare(walk, item, legacy.subset(slots.positions(0, s)), fresh.subset(slots.positions(1, s)), path);
    }
  }

  /**
   * The key value the path shows for key {@code key} of legacy item {@code k}: as in {@link
   * KeySlots}, the first legacy item with an equal key gives it (1 and 1.0 are one key). -1 when
   * more than {@link ItemPairing#FEW} legacy items share the key: their group pairs through hash
   * tables, which this shortcut does not follow.
   */
  private int shownKey(int key, int k) {
    Tape a = legacy.tape();
    boolean few = legacy.size() <= ItemPairing.FEW;
    int shown = -1;
    int sharing = 1;
    for (int other = 0; other < (few ? k : legacy.size()); other++) {
      int otherKey = other == k ? -1 : KeySlots.keyOf(a, legacy.get(other), keyField, keyName);
      if (otherKey >= 0 && KeyValue.equal(a, otherKey, a, key)) {
        shown = shown < 0 && other < k ? otherKey : shown;
        sharing++;
      }
    }
    return sharing > ItemPairing.FEW ? -1 : shown < 0 ? key : shown;
  }

  private void push(KeySlots slots, int s, int index) {
    if (slots.keyless(s)) {
      walk.path().pushIndex(index);
    } else {
      walk.path().pushKey(keyField, slots.keyTape(s), slots.keyNode(s));
    }
  }
}
