package dev.strangler.replay.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON helpers shared by the HAR and Caddy readers. */
final class JsonFields {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonFields() {}

  /** A field as text; null when absent or null. */
  static String text(JsonNode o, String key) {
    JsonNode n = o.get(key);
    return n == null || n.isNull() ? null : n.asText();
  }

  /** A required text field. */
  static String required(JsonNode o, String key, String label) {
    String t = text(o, key);
    if (t == null || t.isEmpty()) {
      throw new IllegalArgumentException("missing '" + label + "'");
    }
    return t;
  }

  /** A required object field. */
  static JsonNode object(JsonNode o, String key, String label) {
    JsonNode n = o.get(key);
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("'" + label + "' must be an object");
    }
    return n;
  }

  /** Headers from a map of name to list of values (Caddy's shape), in map order. */
  static List<Map.Entry<String, String>> headerMap(JsonNode map) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (map == null || !map.isObject()) {
      return out;
    }
    map.fields().forEachRemaining(f -> {
      if (f.getValue().isArray()) {
        f.getValue().forEach(v -> out.add(Map.entry(f.getKey(), v.asText())));
      } else if (!f.getValue().isNull()) {
        out.add(Map.entry(f.getKey(), f.getValue().asText()));
      }
    });
    return out;
  }

  /** An ISO-8601 time with offset, or epoch seconds; {@link Instant#EPOCH} when neither. */
  static Instant instant(JsonNode n) {
    if (n == null || n.isNull()) {
      return Instant.EPOCH;
    }
    if (n.isNumber()) {
      return Instant.ofEpochMilli(Math.round(n.asDouble() * 1000));
    }
    try {
      return OffsetDateTime.parse(n.asText()).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
