package dev.strangler.compare;

import dev.strangler.json.Tape;
import java.util.Arrays;

/**
 * The items of both sides of a keyed array grouped by key value ({@link KeyValue#equal}), in an
 * open-addressing table: slots are numbered in order of first appearance, legacy side first, and
 * items without the key (or not objects) share one slot. Built once per keyed array, in linear
 * time, in tables the thread reuses from one keyed array to the next (a nested one gets its own).
 */
final class KeySlots implements AutoCloseable {
  private static final long NO_KEY_HASH = 0x6C62272E07BB0142L;
  private static final int LEGACY = 0;
  private static final int FRESH = 1;
  /** Tables for up to this many items in all are kept per thread and reused (warm in the cache). */
  private static final int REUSED_ITEMS = 1 << 14;
  private static final ThreadLocal<KeySlots> SPARE = new ThreadLocal<>();

  private final Tape[] tapes = new Tape[2];
  private int legacySize;
  private int total;
  /** The slot of each item, legacy items first. */
  private int[] slotOf = new int[0];
  /** Per slot: the legacy count, the new count, the legacy first position, the new first position. */
  private int[] cells = new int[0];
  private int[] keyNodes = new int[0];
  private long[] hashes = new long[0];
  private int[] table = new int[0];
  private int mask;
  private int slots;
  /** Slots below this were opened by a legacy item (their key is on the legacy tape). */
  private int legacySlots;
  private int[][] bySlot;
  private int[][] starts;

  private KeySlots() {}

  /**
   * Groups the items {@code legacy} and {@code fresh} by the value of their field {@code keyName};
   * {@link #close} hands the tables back to the thread for its next keyed array.
   */
  static KeySlots of(Items legacy, Items fresh, String keyField, byte[] keyName) {
    KeySlots spare = SPARE.get();
    KeySlots slots = spare == null ? new KeySlots() : spare;
    SPARE.set(null);
    slots.group(legacy, fresh, keyField, keyName);
    return slots;
  }

  private void group(Items legacy, Items fresh, String keyField, byte[] keyName) {
    total = legacy.size() + fresh.size();
    tapes[LEGACY] = legacy.tape();
    tapes[FRESH] = fresh.tape();
    legacySize = legacy.size();
    if (slotOf.length < total) {
      slotOf = new int[total];
      cells = new int[4 * total];
      keyNodes = new int[total];
      hashes = new long[total];
    } else {
      Arrays.fill(cells, 0, 4 * total, 0);
    }
    int capacity = Integer.highestOneBit(Math.max(4, total * 2 - 1)) << 1;
    if (table.length < capacity) {
      table = new int[capacity];
    } else {
      Arrays.fill(table, 0, capacity, 0);
    }
    mask = capacity - 1;
    slots = 0;
    legacySlots = Integer.MAX_VALUE;
    bySlot = null;
    starts = null;
    add(LEGACY, legacy, keyField, keyName);
    legacySlots = slots;
    add(FRESH, fresh, keyField, keyName);
  }

  /** Lets the thread reuse these tables, unless they are very large. */
  @Override
  public void close() {
    tapes[LEGACY] = null;
    tapes[FRESH] = null;
    if (slotOf.length <= REUSED_ITEMS) {
      SPARE.set(this);
    }
  }

  private void add(int side, Items items, String keyField, byte[] keyName) {
    Tape t = items.tape();
    for (int k = 0; k < items.size(); k++) {
      int item = items.get(k);
      int key = keyOf(t, item, keyField, keyName);
      int slot = slot(t, key);
      slotOf[side * legacySize + k] = slot;
      if (cells[4 * slot + side]++ == 0) {
        cells[4 * slot + 2 + side] = k;
      }
    }
  }

  /** The value of key field {@code keyField} (also as UTF-8 {@code keyName}) of item {@code item}, or -1 (no key, or not an object). */
  static int keyOf(Tape t, int item, String keyField, byte[] keyName) {
    return t.kind(item) == Tape.OBJECT ? t.field(item, keyField, keyName) : -1;
  }

  private int slot(Tape t, int key) {
    long hash = key < 0 ? NO_KEY_HASH : KeyValue.hash(t, key);
    int at = (int) Long.hashCode(hash) & mask;
    for (int s = table[at] - 1; s >= 0; at = (at + 1) & mask, s = table[at] - 1) {
      if (hashes[s] == hash && ((key < 0) == (keyNodes[s] < 0))
          && (key < 0 || KeyValue.equal(keyTape(s), keyNodes[s], t, key))) {
        return s;
      }
    }
    int s = slots++;
    table[at] = s + 1;
    hashes[s] = hash;
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
    return tapes[s < legacySlots ? LEGACY : FRESH];
  }

  /** The key value of slot {@code s}, an entry of {@link #keyTape}. */
  int keyNode(int s) {
    return keyNodes[s];
  }

  /** How many legacy (side 0) or new (side 1) items have the key of slot {@code s}. */
  int count(int side, int s) {
    return cells[4 * s + side];
  }

  /** The position of the first item of a side with the key of slot {@code s}. */
  int first(int side, int s) {
    return cells[4 * s + 2 + side];
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
    return Arrays.copyOfRange(bySlot[side], starts[side][s], starts[side][s] + count(side, s));
  }

  /** A counting sort of one side's positions by slot. */
  private void group(int side) {
    int[] start = new int[slots + 1];
    for (int s = 0; s < slots; s++) {
      start[s + 1] = start[s] + count(side, s);
    }
    int[] next = Arrays.copyOf(start, slots);
    int from = side == LEGACY ? 0 : legacySize;
    int[] sorted = new int[side == LEGACY ? legacySize : total - legacySize];
    for (int k = 0; k < sorted.length; k++) {
      sorted[next[slotOf[from + k]]++] = k;
    }
    bySlot[side] = sorted;
    starts[side] = start;
  }
}
