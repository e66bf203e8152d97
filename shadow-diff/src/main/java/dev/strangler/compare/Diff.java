package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One difference between the legacy ("expected") and the new ("fresh") output.
 *
 * <p>{@code path} is the concrete location, JSONPath-like: {@code $}, then {@code .field} (or
 * {@code ['odd name']} for names that are not plain), {@code [2]} for an array index and
 * {@code [author=ada]} for an item of a keyed array (string keys that are not plain words are
 * quoted: {@code [author='Ada L.']}).
 *
 * @param path   where the difference is
 * @param kind   what kind of difference it is
 * @param legacy the legacy value, {@code null} when absent
 * @param fresh  the new value, {@code null} when absent
 */
public record Diff(String path, DiffKind kind, JsonNode legacy, JsonNode fresh) {

  public Diff {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * The path with every index or key selector replaced by {@code [*]}, e.g.
   * {@code $.comments[author=ada].text} and {@code $.comments[2].text} both become
   * {@code $.comments[*].text}; quoted field names ({@code ['a.b']}) are kept.
   */
  public String shape() {
    if (path.indexOf('[') < 0) {
      return path;
    }
    StringBuilder out = new StringBuilder(path.length());
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c != '[') {
        out.append(c);
        i++;
      } else if (i + 1 < path.length() && path.charAt(i + 1) == '\'') {
        int end = PathText.closingBracket(path, i);
        out.append(path, i, end + 1);
        i = end + 1;
      } else {
        out.append("[*]");
        i = PathText.closingBracket(path, i) + 1;
      }
    }
    return out.toString();
  }
}
