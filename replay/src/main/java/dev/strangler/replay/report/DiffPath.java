package dev.strangler.replay.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A diff path ({@code $.a['odd name'][2].b[author=ada]}) read back into steps, to find the
 * values it points at when a core output is shown.
 */
final class DiffPath {
  /** One step: a field, an array index, or the array item whose {@code field} reads {@code value}. */
  record Step(String field, int index, String keyField, String keyValue) {
    /** Whether this step leads from an object to its field {@code name}. */
    boolean isField(String name) {
      return field != null && field.equals(name);
    }

    /** Whether this step leads from an array to its item {@code item} at {@code i}. */
    boolean isItem(int i, JsonNode item) {
      if (keyField != null) {
        JsonNode key = item.get(keyField);
        return key != null && (key.isTextual() ? key.textValue() : key.toString()).equals(keyValue);
      }
      return field == null && index == i;
    }
  }

  private DiffPath() {}

  /** The steps of a path; a path that cannot be read gives the steps read before the trouble. */
  static List<Step> parse(String path) {
    List<Step> steps = new ArrayList<>();
    int i = path.startsWith("$") ? 1 : 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        steps.add(new Step(path.substring(i + 1, end), -1, null, null));
        i = end;
      } else if (c == '[') {
        int end = closing(path, i);
        steps.add(bracket(path.substring(i + 1, end)));
        i = end + 1;
      } else {
        break;
      }
    }
    return steps;
  }

  private static Step bracket(String inner) {
    if (inner.startsWith("'")) {
      return new Step(unquote(inner), -1, null, null);
    }
    if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit)) {
      return new Step(null, Integer.parseInt(inner), null, null);
    }
    int eq = inner.indexOf('=');
    if (eq > 0) {
      String value = inner.substring(eq + 1);
      return new Step(null, -1, inner.substring(0, eq), value.startsWith("'") ? unquote(value) : value);
    }
    return new Step(inner, -1, null, null);
  }

  /** The index of the ']' closing the bracket at {@code open}, passing over quoted text. */
  private static int closing(String path, int open) {
    boolean quoted = false;
    for (int i = open + 1; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '\'') {
        quoted = !quoted;
      } else if (c == ']' && !quoted) {
        return i;
      }
    }
    return path.length();
  }

  private static String unquote(String quoted) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c == '\\' && i + 1 < quoted.length() - 1) {
        c = quoted.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
