package dev.strangler.compare;

import dev.strangler.json.Tape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Chooses the new item each unpaired legacy item of an {@link ItemPairing} is diffed against: by a
 * field whose scalar values are unique among the open items (JSONAssert's "unique key"), then in
 * order. Only the report depends on this choice, never whether there are diffs.
 */
final class Counterparts {
  /** Fields tried as a unique key. */
  static final int FIELDS_TRIED = 16;

  private final RuleState item;
  private final Items legacy;
  private final Items fresh;
  private final int[] partner;
  private final boolean[] taken;
  private final int[] counterpart;

  private Counterparts(RuleState item, Items legacy, Items fresh, int[] partner, boolean[] taken) {
    this.item = item;
    this.legacy = legacy;
    this.fresh = fresh;
    this.partner = partner;
    this.taken = taken;
    this.counterpart = new int[partner.length];
    Arrays.fill(counterpart, -1);
  }

  /**
   * The counterpart of each legacy item ({@code -1}: none, or the item is paired). Marks the
   * chosen new items taken.
   *
   * @param partner the new item each legacy item is paired with, or {@code -1}
   * @param taken   whether each new item is paired
   * @param open    whether more than one item is open on some side (else the one open pair is
   *                taken in order, with no key to look for)
   */
  static int[] choose(RuleState item, Items legacy, Items fresh, int[] partner, boolean[] taken, boolean open) {
    Counterparts c = new Counterparts(item, legacy, fresh, partner, taken);
    if (open) {
      c.byUniqueField();
    }
    c.inOrder();
    return c.counterpart;
  }

  private void inOrder() {
    int q = 0;
    for (int k = 0; k < partner.length; k++) {
      if (partner[k] >= 0 || counterpart[k] >= 0) {
        continue;
      }
      while (q < taken.length && taken[q]) {
        q++;
      }
      if (q < taken.length) {
        counterpart[k] = q;
        taken[q] = true;
      }
    }
  }

  private void byUniqueField() {
    int first = 0;
    while (partner[first] >= 0) {
      first++;
    }
    Tape a = legacy.tape();
    int object = legacy.get(first);
    if (a.kind(object) != Tape.OBJECT) {
      return;
    }
    int tried = 0;
    for (int key = object + 1; key < a.next(object) && tried < FIELDS_TRIED; key = a.next(key + 1), tried++) {
      String name = a.text(key);
      if (item.field(name).ignored()) {
        continue;
      }
      Map<KeyValue, Integer> legacyKeys = uniqueValues(legacy, name, k -> partner[k] < 0, true);
      Map<KeyValue, Integer> freshKeys = legacyKeys == null ? null : uniqueValues(fresh, name, q -> !taken[q], false);
      if (freshKeys == null) {
        continue;
      }
      boolean paired = false;
      for (Map.Entry<KeyValue, Integer> entry : legacyKeys.entrySet()) {
        Integer q = freshKeys.get(entry.getKey());
        if (q != null) {
          counterpart[entry.getValue()] = q;
          taken[q] = true;
          paired = true;
        }
      }
      if (paired) {
        return;
      }
    }
  }

  /**
   * The open items by their scalar value of field {@code name}; {@code null} if two share a value
   * or, when {@code everyItem}, if an item lacks one.
   */
  private static Map<KeyValue, Integer> uniqueValues(Items items, String name, IntPredicate open, boolean everyItem) {
    Map<KeyValue, Integer> keys = new HashMap<>();
    Tape t = items.tape();
    for (int k = 0; k < items.size(); k++) {
      if (!open.test(k)) {
        continue;
      }
      int item = items.get(k);
      int value = t.kind(item) == Tape.OBJECT ? t.field(item, name) : -1;
      if (value < 0 || t.kind(value) == Tape.OBJECT || t.kind(value) == Tape.ARRAY) {
        if (everyItem) {
          return null;
        }
      } else if (keys.put(KeyValue.of(t, value), k) != null) {
        return null;
      }
    }
    return keys;
  }
}
