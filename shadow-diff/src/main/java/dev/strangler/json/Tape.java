package dev.strangler.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable index over the UTF-8 bytes of one JSON document, as simdjson's "tape": one entry
 * per value and field name, in document order, each with its kind, its byte range (strings with
 * their quotes) and the index of the entry after its subtree, so subtrees are skipped in one step.
 * An object's entries are its field names, each followed by its value; an array's are its items.
 * Entry 0 is the document's value. Values are decoded only when asked for.
 */
public final class Tape {
  public static final int OBJECT = 1;
  public static final int ARRAY = 2;
  public static final int STRING = 3;
  public static final int NUMBER = 4;
  public static final int BOOLEAN = 5;
  public static final int NULL = 6;

  static final int KIND_MASK = 7;
  /** A string with escapes or irregular UTF-8: its bytes are not its text. */
  static final int DECODE = 8;
  /** A number with a fraction or an exponent. */
  static final int FLOAT = 16;
  /** A string that is a field name. */
  static final int NAME = 32;
  static final int COUNT_SHIFT = 6;

  private final byte[] src;
  private final long[] cells;
  private final int size;
  private final int depth;
  private final boolean duplicateKeys;
  private final Twins twins;

  /**
   * Entries as two longs each: {@code start << 32 | end}, {@code info << 32 | next} ({@link
   * TapeBuilder}); {@code twins}, the subtrees a parse took over from a known document, or null.
   */
  Tape(byte[] src, long[] cells, int size, int depth, boolean duplicateKeys, Twins twins) {
    this.src = src;
    this.twins = twins;
    this.cells = cells;
    this.depth = depth;
    this.size = size;
    this.duplicateKeys = duplicateKeys;
  }

  /** How many entries the tape has. */
  public int size() {
    return size;
  }

  /** At least the deepest nesting of containers in the document. */
  int depth() {
    return depth;
  }

  /** The document's bytes, not to be changed. */
  byte[] bytes() {
    return src;
  }

  /**
   * Whether this tape was parsed with {@code other} as known values ({@link Json#parse(byte[],
   * Tape)}) and took over some of its subtrees, which {@link #twinsIn} then finds.
   */
  public boolean hasTwinsIn(Tape other) {
    return twins != null && twins.of(other);
  }

  /**
   * For each of the ascending entries {@code nodes}, an entry of {@code other} with the same
   * bytes that the parse took it over from, or -1 (also where it was parsed anew, though its
   * bytes may still equal some entry of {@code other}); all -1 unless {@link #hasTwinsIn}.
   */
  public void twinsIn(Tape other, int[] nodes, int[] out) {
    if (hasTwinsIn(other)) {
      twins.find(nodes, out);
    } else {
      Arrays.fill(out, 0, nodes.length, -1);
    }
  }

  /** Copies the entries of the subtree of {@code n} to the end of {@code out}, moved to byte {@code at}. */
  void copySubtree(int n, TapeBuilder out, int at) {
    int count = next(n) - n;
    int first = out.reserve(count);
    out.copied(first, n);
    long shift = at - start(n);
    long spanShift = (shift << 32) + shift;
    long nextShift = first - n;
    for (int k = 0; k < count; k++) {
      out.cells[2 * (first + k)] = cells[2 * (n + k)] + spanShift;
      out.cells[2 * (first + k) + 1] = cells[2 * (n + k) + 1] + nextShift;
    }
  }

  /** Whether some object of the document repeats a field name ({@link Json#parse} resolves them). */
  boolean duplicateKeys() {
    return duplicateKeys;
  }

  /** {@link #OBJECT}, {@link #ARRAY}, {@link #STRING}, {@link #NUMBER}, {@link #BOOLEAN} or {@link #NULL}. */
  public int kind(int n) {
    return info(n) & KIND_MASK;
  }

  /** Whether a string's text differs from its bytes (escapes, irregular UTF-8). */
  public boolean needsDecoding(int n) {
    return (info(n) & DECODE) != 0;
  }

  /** Whether a number has a fraction or an exponent (Jackson reads it as a double). */
  public boolean isFloat(int n) {
    return (info(n) & FLOAT) != 0;
  }

  /** The offset of the first byte of the value (a string's opening quote). */
  public int start(int n) {
    return (int) (cells[2 * n] >>> 32);
  }

  /** The offset after the last byte of the value (after a string's closing quote). */
  public int end(int n) {
    return (int) cells[2 * n];
  }

  /** The entry after the subtree of entry {@code n}. */
  public int next(int n) {
    return (int) cells[2 * n + 1];
  }

  private int info(int n) {
    return (int) (cells[2 * n + 1] >>> 32);
  }

  /** The number of fields of an object or items of an array. */
  public int count(int n) {
    return info(n) >>> COUNT_SHIFT;
  }

  /** The value of a boolean. */
  public boolean isTrue(int n) {
    return src[start(n)] == 't';
  }

  /** Whether the bytes of entry {@code n} are those of entry {@code m} of {@code other}. */
  public boolean sameBytes(int n, Tape other, int m) {
    long a = cells[2 * n];
    long b = other.cells[2 * m];
    int aStart = (int) (a >>> 32);
    int bStart = (int) (b >>> 32);
    return (int) a - aStart == (int) b - bStart
        && Arrays.equals(src, aStart, (int) a, other.src, bStart, (int) b);
  }

  /**
   * How many bytes from offset {@code from} equal those of {@code other} from {@code otherFrom},
   * looking no further than offsets {@code to} and {@code otherTo}: one vectorized comparison
   * that can cover many sibling values at once.
   */
  public int sharedBytes(int from, Tape other, int otherFrom, int to, int otherTo) {
    int length = Math.min(to - from, otherTo - otherFrom);
    int at = Arrays.mismatch(src, from, from + length, other.src, otherFrom, otherFrom + length);
    return at < 0 ? length : at;
  }

  /** Whether two strings have the same text. */
  public boolean sameText(int n, Tape other, int m) {
    if (sameBytes(n, other, m)) {
      return true;
    }
    return (needsDecoding(n) || other.needsDecoding(m)) && text(n).equals(other.text(m));
  }

  /** The text of a string. */
  public String text(int n) {
    return text(src, start(n) + 1, end(n) - 1, needsDecoding(n), (info(n) & NAME) != 0);
  }

  /** The text of the string whose bytes between the quotes are {@code src[from..to)}. */
  static String text(byte[] src, int from, int to, boolean decode, boolean name) {
    return decode ? TextDecoder.decode(src, from, to, name) : new String(src, from, to - from, StandardCharsets.UTF_8);
  }

  /** The byte at {@code offset} of the document's UTF-8 text. */
  public byte byteAt(int offset) {
    return src[offset];
  }

  /** The JSON text of a value, as written (a number's literal, a string with quotes and escapes). */
  public String rawText(int n) {
    return new String(src, start(n), end(n) - start(n), StandardCharsets.UTF_8);
  }

  /**
   * A number as Jackson's tree reads it: a {@link Long} (or a {@link BigInteger} beyond
   * its range) for an integer, a {@link Double} for a number with a fraction or exponent.
   */
  public Number number(int n) {
    return NumberReader.read(src, start(n), end(n), isFloat(n));
  }

  /** A number with a fraction or exponent as a double (as {@link Double#parseDouble} reads it). */
  public double floatValue(int n) {
    return NumberReader.decimalDouble(src, start(n), end(n));
  }

  /** An integer of at most 18 digits (no fraction, no exponent), or {@link Long#MIN_VALUE} for any other number. */
  public long smallInteger(int n) {
    return isFloat(n) ? Long.MIN_VALUE : NumberReader.smallInteger(src, start(n), end(n));
  }

  /** A hash of a string's text: equal texts hash alike, whatever their escapes. */
  public long textHash(int n) {
    return needsDecoding(n) ? hashOfText(text(n)) : Bytes.hash(src, start(n) + 1, end(n) - 1);
  }

  static long hashOfText(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return Bytes.hash(utf8, 0, utf8.length);
  }

  /** A 64-bit hash of the bytes of entry {@code n}. */
  public long byteHash(int n) {
    return Bytes.hash(src, start(n), end(n));
  }

  /**
   * A cheap fingerprint of the bytes of entry {@code n} (its length and three words of them):
   * equal bytes give equal samples, so unequal samples rule out equal bytes without comparing them.
   */
  public long byteSample(int n) {
    return Bytes.sample(src, start(n), end(n));
  }

  /** The value of field {@code name} of object {@code object}, or -1. */
  public int field(int object, String name) {
    return field(object, name, name.getBytes(StandardCharsets.UTF_8));
  }

  /** The value of field {@code name}, also given as UTF-8 bytes, of object {@code object}, or -1. */
  public int field(int object, String name, byte[] utf8) {
    for (int key = object + 1, end = next(object); key < end; key = next(key + 1)) {
      if (hasText(key, name, utf8)) {
        return key + 1;
      }
    }
    return -1;
  }

  /** Whether string {@code n} has the text {@code text}, also given as UTF-8 bytes. */
  public boolean hasText(int n, String text, byte[] utf8) {
    return needsDecoding(n) ? text(n).equals(text) : Arrays.equals(src, start(n) + 1, end(n) - 1, utf8, 0, utf8.length);
  }

  /** The value of the field of object {@code object} named like string {@code key} of {@code keys}, or -1. */
  public int field(int object, Tape keys, int key) {
    for (int k = object + 1, end = next(object); k < end; k = next(k + 1)) {
      if (sameText(k, keys, key)) {
        return k + 1;
      }
    }
    return -1;
  }

  /** The entries of the items of an array. */
  public int[] items(int array) {
    int[] items = new int[count(array)];
    for (int i = 0, item = array + 1; i < items.length; i++, item = next(item)) {
      items[i] = item;
    }
    return items;
  }

  /** The item at {@code index} of an array, or -1. */
  public int item(int array, int index) {
    if (index < 0 || index >= count(array)) {
      return -1;
    }
    int item = array + 1;
    for (int i = 0; i < index; i++) {
      item = next(item);
    }
    return item;
  }

  /**
   * The value as a Jackson tree, the very nodes Jackson's {@code readTree} makes (an object or
   * array is parsed from its bytes): for diffs and records, never on the hot path.
   */
  public JsonNode toJsonNode(int n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (kind(n)) {
      case STRING -> f.textNode(text(n));
      case NUMBER -> numberNode(n);
      case BOOLEAN -> f.booleanNode(isTrue(n));
      case NULL -> f.nullNode();
      default -> JacksonBridge.tree(src, start(n), end(n) - start(n));
    };
  }

  private JsonNode numberNode(int n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (isFloat(n)) {
      return f.numberNode(floatValue(n));
    }
    long small = smallInteger(n);
    if (small != Long.MIN_VALUE) {
      return small == (int) small ? f.numberNode((int) small) : f.numberNode(small);
    }
    Number value = number(n);
    return value instanceof Long l ? f.numberNode(l.longValue()) : f.numberNode((BigInteger) value);
  }
}
