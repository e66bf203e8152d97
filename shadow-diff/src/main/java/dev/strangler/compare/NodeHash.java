package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Structural hashes that respect the rules, used to pair the items of arrays compared as
 * multisets in near-linear time. Two values that compare equal (new fields counted, as in a
 * non-extensible mode) always hash equal: ignored places are left out, numbers hash by value,
 * numbers under a tolerance hash alike, object fields and unordered array items hash in any
 * order. Equal hashes are only candidates: every pairing is confirmed by a full comparison.
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
  private static final long OTHER = 0x13198A2E03707344L;

  private final boolean strictOrder;

  NodeHash(boolean strictOrder) {
    this.strictOrder = strictOrder;
  }

  /** The hash of {@code n} at a place with rules {@code s}. */
  long exact(RuleState s, JsonNode n) {
    return projected(s, n, n);
  }

  /**
   * The hash of {@code n} keeping only the object fields that {@code template} has, down through
   * nested objects: in an extensible mode a new item equal to a legacy item apart from added
   * fields hashes like that legacy item. {@link #NO_HASH} if {@code n} lacks a template field.
   */
  long projected(RuleState s, JsonNode n, JsonNode template) {
    switch (n.getNodeType()) {
      case OBJECT: {
        if (!template.isObject()) {
          return exact(s, n);
        }
        long h = OBJECT;
        for (Map.Entry<String, JsonNode> field : template.properties()) {
          RuleState child = s.field(field.getKey());
          if (child.ignored()) {
            continue;
          }
          JsonNode value = n == template ? field.getValue() : n.get(field.getKey());
          if (value == null) {
            return NO_HASH;
          }
          long v = projected(child, value, field.getValue());
          if (v == NO_HASH) {
            return NO_HASH;
          }
          h += Hashing.mix(Hashing.of(field.getKey()) * 31 + v);
        }
        return h;
      }
      case ARRAY:
        return array(s, n);
      case STRING:
        return Hashing.mix(Hashing.of(n.textValue()) ^ STRING);
      case NUMBER:
        return s.tolerance() != null ? NUMBER : Numbers.hash(n) ^ NUMBER;
      case BOOLEAN:
        return n.booleanValue() ? TRUE : FALSE;
      case NULL:
        return NULL;
      default:
        return Hashing.mix(n.hashCode() ^ OTHER);
    }
  }

  /** A hash of the field names of nested objects only: items with equal shapes share it. */
  long shape(RuleState s, JsonNode n) {
    if (!n.isObject()) {
      return n.isArray() ? ARRAY : 0;
    }
    long h = OBJECT;
    for (Map.Entry<String, JsonNode> field : n.properties()) {
      RuleState child = s.field(field.getKey());
      if (!child.ignored()) {
        h += Hashing.mix(Hashing.of(field.getKey()) * 31 + shape(child, field.getValue()));
      }
    }
    return h;
  }

  private long array(RuleState s, JsonNode n) {
    RuleState item = s.item();
    if (item.ignored()) {
      return ARRAY;
    }
    long h = ARRAY + n.size();
    if (s.ordered(strictOrder)) {
      for (JsonNode value : n) {
        h = h * 0x9E3779B97F4A7C15L + exact(item, value);
      }
      return Hashing.mix(h);
    }
    for (JsonNode value : n) {
      h += Hashing.mix(exact(item, value));
    }
    return h;
  }
}
