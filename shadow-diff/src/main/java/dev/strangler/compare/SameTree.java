package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A quick check for identical trees: same node classes, same values, same array order. Identical
 * trees compare without diffs under every mode and rule (ignoring only prunes, a tolerance only
 * loosens, an ordered match is also a multiset and keyed match, equality implies extension), so
 * the walk skips any subtree this accepts. It declines, rather than decides, everything else.
 */
final class SameTree {
  private SameTree() {}

  static boolean same(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    Class<?> type = a.getClass();
    if (type != b.getClass()) {
      return false;
    }
    if (type == ObjectNode.class) {
      return sameFields((ObjectNode) a, (ObjectNode) b);
    }
    if (type == ArrayNode.class) {
      return sameItems((ArrayNode) a, (ArrayNode) b);
    }
    if (type == TextNode.class) {
      return a.textValue().equals(b.textValue());
    }
    if (type == IntNode.class) {
      return a.intValue() == b.intValue();
    }
    if (type == DoubleNode.class) {
      return a.doubleValue() == b.doubleValue();
    }
    return a.equals(b);
  }

  private static boolean sameItems(ArrayNode a, ArrayNode b) {
    int size = a.size();
    if (size != b.size()) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Walks both field lists in step while the names line up, then looks names up. */
  private static boolean sameFields(ObjectNode a, ObjectNode b) {
    if (a.size() != b.size()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> inStep = b.properties().iterator();
    for (Map.Entry<String, JsonNode> field : a.properties()) {
      String name = field.getKey();
      JsonNode other = null;
      if (inStep != null) {
        Map.Entry<String, JsonNode> next = inStep.next();
        if (next.getKey().equals(name)) {
          other = next.getValue();
        } else {
          inStep = null;
        }
      }
      if (other == null) {
        other = b.get(name);
      }
      if (other == null || !same(field.getValue(), other)) {
        return false;
      }
    }
    return true;
  }
}
