package dev.strangler.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the JSONL formats (discrepancy records, capture lines) share: line parsing and times. */
public final class JsonLine {
  /** A strict mapper: one JSON value a line, nothing after it. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private JsonLine() {}

  /** An instant as the formats write it: ISO-8601 UTC with milliseconds. */
  public static String instant(Instant at) {
    return AT.format(at);
  }

  /**
   * Parses one line that must be a JSON object.
   *
   * @throws IllegalArgumentException saying why it is not one
   */
  public static JsonNode object(String line) {
    JsonNode o;
    try {
      o = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return o;
  }
}
