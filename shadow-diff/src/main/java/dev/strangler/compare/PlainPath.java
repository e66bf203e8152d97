package dev.strangler.compare;

import dev.strangler.json.Tape;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a diff path straight from the documents' bytes when every step is an index, a plain
 * ASCII field name without escapes, or a key that is an integer or a plain ASCII word (the common
 * case), as {@link PathStack#renderText} would write it, without decoding Strings or building
 * Jackson values. Keeps its buffer from one path to the next.
 */
final class PlainPath {
  private byte[] ascii = new byte[64];

  /**
   * The location of {@link PathStack}'s steps, or null when a step is not plain: a field name or
   * key that needs decoding, quoting or Jackson's reading.
   */
  String write(byte[] kinds, String[] names, Tape[] tapes, int[] indices, int depth) {
    int at = 0;
    ascii[at++] = '$';
    for (int i = 0; i < depth; i++) {
      if (kinds[i] == PathStack.INDEX) {
        at = appendIndex(at, indices[i]);
        continue;
      }
      at = kinds[i] == PathStack.FIELD ? appendField(at, tapes[i], indices[i]) : appendKey(at, names[i], tapes[i], indices[i]);
      if (at < 0) {
        return null;
      }
    }
    return new String(ascii, 0, at, StandardCharsets.ISO_8859_1);
  }

  /** Appends {@code .name} for a plain ASCII name without escapes; -1 for any other. */
  private int appendField(int at, Tape tape, int key) {
    int from = tape.start(key) + 1;
    int to = tape.end(key) - 1;
    if (from == to || tape.needsDecoding(key)) {
      return -1;
    }
    ensure(at + 1 + to - from);
    ascii[at++] = '.';
    for (int p = from; p < to; p++) {
      byte b = tape.byteAt(p);
      if (!PathText.plainAscii(b)) {
        return -1;
      }
      ascii[at++] = b;
    }
    return at;
  }

  /**
   * Appends {@code [field=value]} for an integer written as Jackson writes it back, or a plain
   * ASCII word without escapes; -1 for any other value (or a field name that is not ASCII).
   */
  private int appendKey(int at, String field, Tape tape, int node) {
    int kind = tape.kind(node);
    boolean string = kind == Tape.STRING;
    int from = string ? tape.start(node) + 1 : tape.start(node);
    int to = string ? tape.end(node) - 1 : tape.end(node);
    if (from == to || (string ? !plainWord(tape, from, to) : !writtenBack(kind, tape, node, from, to))) {
      return -1;
    }
    ensure(at + field.length() + 3 + to - from);
    ascii[at++] = '[';
    for (int c = 0; c < field.length(); c++) {
      char ch = field.charAt(c);
      if (ch >= 0x80) {
        return -1;
      }
      ascii[at++] = (byte) ch;
    }
    ascii[at++] = '=';
    for (int p = from; p < to; p++) {
      ascii[at++] = tape.byteAt(p);
    }
    ascii[at++] = ']';
    return at;
  }

  /** Whether a number's literal is the text of its Jackson node: an integer other than {@code -0...}. */
  private static boolean writtenBack(int kind, Tape tape, int node, int from, int to) {
    return kind == Tape.NUMBER && !tape.isFloat(node) && !(tape.byteAt(from) == '-' && tape.byteAt(from + 1) == '0');
  }

  /** {@link PathText#plainKey} on a string's bytes, for ASCII without escapes. */
  private static boolean plainWord(Tape tape, int from, int to) {
    if (!PathText.plainKeyStart(tape.byteAt(from)) || tape.byteAt(to - 1) == ' ' || PathText.isLiteral(tape, from, to)) {
      return false;
    }
    for (int p = from + 1; p < to; p++) {
      if (!PathText.plainKeyPart(tape.byteAt(p))) {
        return false;
      }
    }
    return true;
  }

  private int appendIndex(int at, int index) {
    int digits = 1;
    for (int rest = index / 10; rest > 0; rest /= 10) {
      digits++;
    }
    ensure(at + digits + 2);
    ascii[at++] = '[';
    for (int p = at + digits - 1, rest = index; p >= at; p--, rest /= 10) {
      ascii[p] = (byte) ('0' + rest % 10);
    }
    at += digits;
    ascii[at++] = ']';
    return at;
  }

  private void ensure(int size) {
    if (size > ascii.length) {
      ascii = Arrays.copyOf(ascii, Math.max(size, ascii.length * 2));
    }
  }
}
