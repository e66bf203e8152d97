package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.json.Tape;
import java.util.Arrays;

/**
 * The location of the walk, kept as a stack of steps and written out only when a difference is
 * reported, so that comparing equal documents builds no strings.
 */
final class PathStack {
  static final byte FIELD = 0;
  static final byte INDEX = 1;
  static final byte KEY = 2;

  private byte[] kinds = new byte[8];
  private String[] names = new String[8];
  /** The tape of a field's name or of a key's value. */
  private Tape[] tapes = new Tape[8];
  private int[] indices = new int[8];
  private int depth;
  private PlainPath plain;

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
    plain = plain == null ? new PlainPath() : plain;
    String written = plain.write(kinds, names, tapes, indices, depth);
    return written != null ? written : renderText();
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

  /** Appends {@code .name}, or {@code ['name']} for a name that is not plain. */
  static void appendField(StringBuilder out, String name) {
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
