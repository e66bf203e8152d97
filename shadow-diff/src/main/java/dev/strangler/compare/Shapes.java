package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The path shapes a document holds, written as {@link Diff#shape()} writes them ({@code $},
 * {@code $.a}, {@code $['odd name']}, {@code $.items[*].id}): every object member and array item
 * below the root, containers included, so that any diff's shape can be found among them.
 */
public final class Shapes {
  private Shapes() {}

  /**
   * Adds the shapes of {@code doc} to {@code into} until it holds {@code max}; returns false when
   * some were left out for want of room.
   */
  public static boolean collect(JsonNode doc, Set<String> into, int max) {
    return walk(doc, "$", into, max);
  }

  private static boolean walk(JsonNode node, String shape, Set<String> into, int max) {
    if (!into.contains(shape)) {
      if (into.size() >= max) {
        return false;
      }
      into.add(shape);
    }
    boolean complete = true;
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        complete &= walk(f.getValue(), member(shape, f.getKey()), into, max);
      }
    } else if (node.isArray()) {
      String item = shape + "[*]";
      for (JsonNode child : node) {
        complete &= walk(child, item, into, max);
      }
    }
    return complete;
  }

  private static String member(String shape, String name) {
    StringBuilder out = new StringBuilder(shape.length() + name.length() + 4).append(shape);
    PathStack.appendField(out, name);
    return out.toString();
  }
}
