package dev.strangler.compare;

import dev.strangler.json.Hashes;
import dev.strangler.json.Tape;

/**
 * Structural hashes that respect the rules, used to pair the items of arrays compared as
 * multisets in near-linear time. Two values that compare equal (new fields counted, as in a
 * non-extensible mode) always hash equal: ignored places are left out, strings hash by text,
 * numbers by value, numbers under a tolerance hash alike, object fields and unordered array items
 * hash in any order. Equal hashes are only candidates: every pairing is confirmed by a full
 * comparison.
 */
final class NodeHash {
  /** Returned by {@link #projected} when the value lacks a field of the template. */
  static final long NO_HASH = Long.MIN_VALUE;

  private static final long OBJECT = 0x51ED27F3A9C4B605L;
  private static final long ARRAY = 0x2545F4914F6CDD1DL;
  private static final long STRING = 0x6A09E667F3BCC909L;
  private static final long NUMBER = 0x3C6EF372FE94F82BL;
  private static final long NULL = 0x1F83D9ABFB41BD6BL;
  private static final long TRUE = 0x5BE0CD19137E2179L;
  private static final long FALSE = 0x243F6A8885A308D3L;

  private final boolean strictOrder;

  NodeHash(boolean strictOrder) {
    this.strictOrder = strictOrder;
  }

  /** The hash of value {@code n} of {@code t} at a place with rules {@code s}. */
  long exact(RuleState s, Tape t, int n) {
    return projected(s, t, n, t, n);
  }

  /**
   * The hash of value {@code n} keeping only the object fields that {@code template} (of tape
   * {@code tt}) has, down through nested objects: in an extensible mode a new item equal to a
   * legacy item apart from added fields hashes like that legacy item. {@link #NO_HASH} if
   * {@code n} lacks a template field.
   */
  long projected(RuleState s, Tape t, int n, Tape tt, int template) {
    switch (t.kind(n)) {
      case Tape.OBJECT: {
        if (tt.kind(template) != Tape.OBJECT) {
          return exact(s, t, n);
        }
        boolean self = t == tt && n == template;
        long h = OBJECT;
        for (int key = template + 1, end = tt.next(template); key < end; key = tt.next(key + 1)) {
          RuleState child = s.field(tt, key);
          if (child.ignored()) {
            continue;
          }
          int value = self ? key + 1 : t.field(n, tt, key);
          if (value < 0) {
            return NO_HASH;
          }
          long v = projected(child, t, value, tt, key + 1);
          if (v == NO_HASH) {
            return NO_HASH;
          }
          h += Hashes.mix(tt.textHash(key) * 31 + v);
        }
        return h;
      }
      case Tape.ARRAY:
        return array(s, t, n);
      case Tape.STRING:
        return Hashes.mix(t.textHash(n) ^ STRING);
      case Tape.NUMBER:
        return s.tolerance() != null ? NUMBER : Numbers.hash(t, n) ^ NUMBER;
      case Tape.BOOLEAN:
        return t.isTrue(n) ? TRUE : FALSE;
      default:
        return NULL;
    }
  }

  /** A hash of the field names of nested objects only: items with equal shapes share it. */
  long shape(RuleState s, Tape t, int n) {
    if (t.kind(n) != Tape.OBJECT) {
      return t.kind(n) == Tape.ARRAY ? ARRAY : 0;
    }
    long h = OBJECT;
    for (int key = n + 1, end = t.next(n); key < end; key = t.next(key + 1)) {
      RuleState child = s.field(t, key);
      if (!child.ignored()) {
        h += Hashes.mix(t.textHash(key) * 31 + shape(child, t, key + 1));
      }
    }
    return h;
  }

  private long array(RuleState s, Tape t, int n) {
    RuleState item = s.item();
    if (item.ignored()) {
      return ARRAY;
    }
    long h = ARRAY + t.count(n);
    boolean ordered = s.ordered(strictOrder);
    for (int value = n + 1, end = t.next(n); value < end; value = t.next(value)) {
      h = ordered ? h * 0x9E3779B97F4A7C15L + exact(item, t, value) : h + Hashes.mix(exact(item, t, value));
    }
    return ordered ? Hashes.mix(h) : h;
  }
}
