package dev.strangler.compare;

import dev.strangler.json.Tape;
import java.util.Arrays;

/**
 * The items of both sides of a keyed array grouped by key value ({@link KeyValue#equal}), in an
 * open-addressing table: slots are numbered in order of first appearance, legacy side first, and
 * items without the key (or not objects) share one slot. Built once per keyed array, in linear time.
 */
final class KeySlots {
  private static final long NO_KEY_HASH = 0x6C62272E07BB0142L;
  private static final int LEGACY = 0;
  private static final int FRESH = 1;

  private final Tape[] tapes;
  private final int[][] slotOf;
  private final int[][] counts;
  private final int[][] firsts;
  private final Tape[] keyTapes;
  private final int[] keyNodes;
  private final long[] hashes;
  private final int[] table;
  private final int mask;
  private int slots;
  private int[][] bySlot;
  private int[][] starts;

  /** Groups the items {@code legacy} and {@code fresh} by the value of their field {@code keyName}. */
  KeySlots(Items legacy, Items fresh, String keyField, byte[] keyName) {
    int total = legacy.size() + fresh.size();
    tapes = new Tape[] {legacy.tape(), fresh.tape()};
    slotOf = new int[][] {new int[legacy.size()], new int[fresh.size()]};
    counts = new int[][] {new int[total], new int[total]};
    firsts = new int[][] {new int[total], new int[total]};
    keyTapes = new Tape[total];
    keyNodes = new int[total];
    hashes = new long[total];
    table = new int[Integer.highestOneBit(Math.max(4, total * 2 - 1)) << 1];
    mask = table.length - 1;
    add(LEGACY, legacy, keyField, keyName);
    add(FRESH, fresh, keyField, keyName);
  }

  private void add(int side, Items items, String keyField, byte[] keyName) {
    Tape t = items.tape();
    for (int k = 0; k < items.size(); k++) {
      int item = items.get(k);
      int key = t.kind(item) == Tape.OBJECT ? t.field(item, keyField, keyName) : -1;
      int slot = slot(t, key);
      slotOf[side][k] = slot;
      if (counts[side][slot]++ == 0) {
        firsts[side][slot] = k;
      }
    }
  }

  private int slot(Tape t, int key) {
    long hash = key < 0 ? NO_KEY_HASH : KeyValue.hash(t, key);
    int at = (int) Long.hashCode(hash) & mask;
    for (int s = table[at] - 1; s >= 0; at = (at + 1) & mask, s = table[at] - 1) {
      if (hashes[s] == hash && ((key < 0) == (keyNodes[s] < 0))
          && (key < 0 || KeyValue.equal(keyTapes[s], keyNodes[s], t, key))) {
        return s;
      }
    }
    int s = slots++;
    table[at] = s + 1;
    hashes[s] = hash;
    keyTapes[s] = t;
    keyNodes[s] = key;
    return s;
  }

  /** How many distinct keys there are (items without a key count as one). */
  int size() {
    return slots;
  }

  /** Whether the items of slot {@code s} have no key. */
  boolean keyless(int s) {
    return keyNodes[s] < 0;
  }

  /** The tape of the key value of slot {@code s}. */
  Tape keyTape(int s) {
    return keyTapes[s];
  }

  /** The key value of slot {@code s}, an entry of {@link #keyTape}. */
  int keyNode(int s) {
    return keyNodes[s];
  }

  /** How many legacy (side 0) or new (side 1) items have the key of slot {@code s}. */
  int count(int side, int s) {
    return counts[side][s];
  }

  /** The position of the first item of a side with the key of slot {@code s}. */
  int first(int side, int s) {
    return firsts[side][s];
  }

  /** The positions of the items of a side with the key of slot {@code s}, in order. */
  int[] positions(int side, int s) {
    if (bySlot == null) {
      bySlot = new int[2][];
      starts = new int[2][];
      for (int d = 0; d < 2; d++) {
        group(d);
      }
    }
    return Arrays.copyOfRange(bySlot[side], starts[side][s], starts[side][s] + counts[side][s]);
  }

  /** A counting sort of one side's positions by slot. */
  private void group(int side) {
    int[] start = new int[slots + 1];
    for (int s = 0; s < slots; s++) {
      start[s + 1] = start[s] + counts[side][s];
    }
    int[] next = Arrays.copyOf(start, slots);
    int[] sorted = new int[slotOf[side].length];
    for (int k = 0; k < sorted.length; k++) {
      sorted[next[slotOf[side][k]]++] = k;
    }
    bySlot[side] = sorted;
    starts[side] = start;
  }
}
