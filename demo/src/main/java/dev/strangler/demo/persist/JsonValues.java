package dev.strangler.demo.persist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.UncheckedIOException;

/**
 * How the store writes and reads JSON values. A value's canonical form is what parsing its JSON text
 * gives (an integer is an IntNode when it fits an int, then LongNode, then BigIntegerNode), so a
 * stored value always comes back equal to the canonical form of what was put in.
 */
final class JsonValues {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonValues() {}

  static String write(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value == null ? NullNode.getInstance() : value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored value is not JSON: " + json, e);
    }
  }

  /** The canonical form of {@code value} (a fresh tree; Java null becomes JSON null). */
  static JsonNode canonical(JsonNode value) {
    return parse(write(value));
  }
}
