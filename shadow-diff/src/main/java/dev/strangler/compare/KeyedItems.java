package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
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
  private KeyedItems() {}

  static void compare(Walk walk, RuleState item, String keyField, JsonNode legacy, JsonNode fresh) {
    if (walk.probing() && legacy.size() != fresh.size()) {
      walk.fail();
      return;
    }
    Map<Key, Positions> legacyGroups = groups(legacy, keyField);
    Map<Key, Positions> freshGroups = groups(fresh, keyField);
    PathStack stack = walk.path();
    for (Map.Entry<Key, Positions> group : legacyGroups.entrySet()) {
      Key key = group.getKey();
      ItemPath path = key.path(keyField);
      Positions mine = group.getValue();
      Positions theirs = freshGroups.get(key);
      if (theirs == null) {
        for (int i = 0; i < mine.size && !walk.failed(); i++) {
          path.push(stack, mine.at[i]);
          walk.report(DiffKind.MISSING, legacy.get(mine.at[i]), null);
          stack.pop();
        }
      } else if (mine.size == 1 && theirs.size == 1) {
        path.push(stack, mine.at[0]);
        walk.node(item, legacy.get(mine.at[0]), fresh.get(theirs.at[0]));
        stack.pop();
      } else {
        ItemPairing.compare(walk, item, mine.of(legacy), theirs.of(fresh), path);
      }
      if (walk.failed()) {
        return;
      }
    }
    for (Map.Entry<Key, Positions> group : freshGroups.entrySet()) {
      if (!legacyGroups.containsKey(group.getKey())) {
        ItemPath path = group.getKey().path(keyField);
        Positions theirs = group.getValue();
        for (int i = 0; i < theirs.size && !walk.failed(); i++) {
          path.push(stack, theirs.at[i]);
          walk.report(DiffKind.UNEXPECTED, null, fresh.get(theirs.at[i]));
          stack.pop();
        }
      }
    }
  }

  private static Map<Key, Positions> groups(JsonNode array, String keyField) {
    Map<Key, Positions> groups = new LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode value = array.get(i).get(keyField);
      Key key = value == null || !array.get(i).isObject() ? Key.NONE : new Key(new KeyValue(value));
      groups.computeIfAbsent(key, k -> new Positions()).add(i);
    }
    return groups;
  }

  /** The indices of the items sharing a key. */
  private static final class Positions {
    int[] at = new int[1];
    int size;

    void add(int index) {
      if (size == at.length) {
        at = Arrays.copyOf(at, size * 2);
      }
      at[size++] = index;
    }

    Items of(JsonNode array) {
      return new Items(array, Arrays.copyOf(at, size));
    }
  }

  /** A key value; {@link #NONE} groups the items without a key. */
  private record Key(KeyValue value) {
    static final Key NONE = new Key(null);

    ItemPath path(String keyField) {
      return value == null ? ItemPath.INDEX : (stack, index) -> stack.pushKey(keyField, value.value());
    }
  }
}
