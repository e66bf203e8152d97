package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.json.Tape;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The location of the walk, kept as a stack of steps and written out only when a difference is
 * reported, so that comparing equal documents builds no strings.
 */
final class PathStack {
  private static final byte FIELD = 0;
  private static final byte INDEX = 1;
  private static final byte KEY = 2;

  private byte[] kinds = new byte[8];
  private String[] names = new String[8];
  /** The tape of a field's name or of a key's value. */
  private Tape[] tapes = new Tape[8];
  private int[] indices = new int[8];
  private int depth;
  private byte[] ascii = new byte[0];

  /** Pushes the field named by string {@code key} of {@code tape}, decoded only if a path is written. */
  void pushField(Tape tape, int key) {
    grow();
    kinds[depth] = FIELD;
    tapes[depth] = tape;
    indices[depth++] = key;
  }

  void pushIndex(int index) {
    grow();
    kinds[depth] = INDEX;
    indices[depth++] = index;
  }

  /** Pushes the item of a keyed array whose field {@code field} is value {@code node} of {@code tape}. */
  void pushKey(String field, Tape tape, int node) {
    grow();
    kinds[depth] = KEY;
    names[depth] = field;
    tapes[depth] = tape;
    indices[depth++] = node;
  }

  void pop() {
    depth--;
  }

  /** The current location, e.g. {@code $.comments[author=ada].text}. */
  String render() {
    String plain = renderPlain();
    return plain != null ? plain : renderText();
  }

  /**
   * The location written straight from the documents' bytes when every step is an index or a
   * plain ASCII name without escapes (the common case); null otherwise.
   */
  private String renderPlain() {
    ensure(64);
    int at = 0;
    ascii[at++] = '$';
    for (int i = 0; i < depth; i++) {
      if (kinds[i] == INDEX) {
        at = appendIndex(at, indices[i]);
        continue;
      }
      at = kinds[i] == FIELD ? appendPlainField(at, tapes[i], indices[i]) : appendPlainKey(at, names[i], tapes[i], indices[i]);
      if (at < 0) {
        return null;
      }
    }
    return new String(ascii, 0, at, StandardCharsets.ISO_8859_1);
  }

  /** Appends {@code .name} for a plain ASCII name without escapes; -1 for any other. */
  private int appendPlainField(int at, Tape tape, int key) {
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
  private int appendPlainKey(int at, String field, Tape tape, int node) {
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

  /** The location written through decoded text and Jackson values: every step, any name. */
  String renderText() {
    StringBuilder out = new StringBuilder(8 + depth * 8).append('$');
    for (int i = 0; i < depth; i++) {
      switch (kinds[i]) {
        case FIELD -> appendField(out, tapes[i].text(indices[i]));
        case INDEX -> out.append('[').append(indices[i]).append(']');
        default -> appendKey(out, names[i], tapes[i].toJsonNode(indices[i]));
      }
    }
    return out.toString();
  }

  private static void appendField(StringBuilder out, String name) {
    if (PathText.plainName(name)) {
      out.append('.').append(name);
    } else {
      out.append('[');
      PathText.appendQuoted(out, name);
      out.append(']');
    }
  }

  private static void appendKey(StringBuilder out, String field, JsonNode value) {
    out.append('[').append(field).append('=');
    if (value.isTextual() && PathText.plainKey(value.textValue())) {
      out.append(value.textValue());
    } else if (value.isTextual()) {
      PathText.appendQuoted(out, value.textValue());
    } else if (value.isValueNode()) {
      out.append(value.asText());
    } else {
      PathText.appendQuoted(out, value.toString());
    }
    out.append(']');
  }

  private void grow() {
    if (depth == kinds.length) {
      int size = depth * 2;
      kinds = Arrays.copyOf(kinds, size);
      names = Arrays.copyOf(names, size);
      tapes = Arrays.copyOf(tapes, size);
      indices = Arrays.copyOf(indices, size);
    }
  }
}
