package dev.strangler.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.io.UncheckedIOException;

/** Where tapes meet Jackson: trees of byte ranges, and the rare inputs Jackson reads for us. */
final class JacksonBridge {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final BigDecimal OVERFLOW = new BigDecimal("1E+400");

  private JacksonBridge() {}

  private static JsonNode finite(JsonNode n) {
    if (n.isDouble() || n.isFloat()) {
      double d = n.doubleValue();
      return Double.isInfinite(d) ? DecimalNode.valueOf(d > 0 ? OVERFLOW : OVERFLOW.negate()) : n;
    }
    if (n.isContainerNode()) {
      JsonNode copy = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = n.isObject() ? n.properties().iterator() : null; it != null && it.hasNext();) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = finite(field.getValue());
        if (value != field.getValue()) {
          copy = copy == null ? n.deepCopy() : copy;
          ((ObjectNode) copy).set(field.getKey(), value);
        }
      }
      for (int i = 0; n.isArray() && i < n.size(); i++) {
        JsonNode value = finite(n.get(i));
        if (value != n.get(i)) {
          copy = copy == null ? n.deepCopy() : copy;
          ((ArrayNode) copy).set(i, value);
        }
      }
      return copy == null ? n : copy;
    }
    return n;
  }

  /** The tree of valid JSON bytes. */
  static JsonNode tree(byte[] src, int offset, int length) {
    try {
      return MAPPER.readTree(src, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("a validated value does not parse", e);
    }
  }

  /** The text of the valid JSON string {@code src[offset..offset+length)} (with its quotes), a value or a field name. */
  static String text(byte[] src, int offset, int length, boolean name) {
    byte[] doc = src;
    int from = offset;
    int size = length;
    if (name) {
      doc = new byte[length + 4];
      doc[0] = '{';
      System.arraycopy(src, offset, doc, 1, length);
      doc[length + 1] = ':';
      doc[length + 2] = '0';
      doc[length + 3] = '}';
      from = 0;
      size = doc.length;
    }
    try (JsonParser parser = MAPPER.getFactory().createParser(doc, from, size)) {
      parser.nextToken();
      if (name) {
        parser.nextToken();
      }
      return parser.getText();
    } catch (IOException e) {
      throw new UncheckedIOException("a validated string does not parse", e);
    }
  }

  /**
   * Jackson's tree of a whole document written back as UTF-8: for UTF-16/32 input, and to resolve
   * repeated field names the way Jackson's tree does (the last value, at the first name's place).
   */
  static byte[] canonical(byte[] bytes) throws JsonSyntaxException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new JsonSyntaxException(e.getOriginalMessage(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw new JsonSyntaxException(String.valueOf(e.getMessage()), 0, 0);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new JsonSyntaxException("No content: the input holds no JSON value", 1, 1);
    }
    return bytes(tree);
  }

  /**
   * A tree written as UTF-8 JSON; an infinite double (what Jackson reads {@code 1e400} as) is
   * written as {@code ±1E+400}, which reads back as the same infinite double.
   */
  static byte[] bytes(JsonNode tree) {
    try {
      return MAPPER.writeValueAsBytes(finite(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the tree as JSON", e);
    }
  }
}
