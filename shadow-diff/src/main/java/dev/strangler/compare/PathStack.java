package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * The location of the walk, kept as a stack of steps and written out only when a difference is
 * reported, so that comparing equal documents builds no strings.
 */
final class PathStack {
  private static final byte FIELD = 0;
  private static final byte INDEX = 1;
  private static final byte KEY = 2;

  private byte[] kinds = new byte[16];
  private String[] names = new String[16];
  private int[] indices = new int[16];
  private JsonNode[] keys = new JsonNode[16];
  private int depth;

  void pushField(String name) {
    grow();
    kinds[depth] = FIELD;
    names[depth++] = name;
  }

  void pushIndex(int index) {
    grow();
    kinds[depth] = INDEX;
    indices[depth++] = index;
  }

  void pushKey(String field, JsonNode value) {
    grow();
    kinds[depth] = KEY;
    names[depth] = field;
    keys[depth++] = value;
  }

  void pop() {
    keys[--depth] = null;
  }

  /** The current location, e.g. {@code $.comments[author=ada].text}. */
  String render() {
    StringBuilder out = new StringBuilder(8 + depth * 8).append('$');
    for (int i = 0; i < depth; i++) {
      switch (kinds[i]) {
        case FIELD -> appendField(out, names[i]);
        case INDEX -> out.append('[').append(indices[i]).append(']');
        default -> appendKey(out, names[i], keys[i]);
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
      indices = Arrays.copyOf(indices, size);
      keys = Arrays.copyOf(keys, size);
    }
  }
}
