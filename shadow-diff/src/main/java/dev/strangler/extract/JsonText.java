package dev.strangler.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Strict JSON parsing for core outputs: one complete value, nothing after it. */
final class JsonText {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonText() {}

  /** Parses JSON bytes (UTF-8, or UTF-16/32 detected from the bytes). */
  static JsonNode parse(byte[] bytes, String what) throws ExtractionException {
    if (bytes.length == 0) {
      throw new ExtractionException(what + " is empty, not JSON");
    }
    try {
      return present(MAPPER.readTree(bytes), what);
    } catch (IOException e) {
      throw notJson(what, e);
    }
  }

  /** Parses JSON text. */
  static JsonNode parse(String text, String what) throws ExtractionException {
    if (text.isBlank()) {
      throw new ExtractionException(what + " is empty, not JSON");
    }
    try {
      return present(MAPPER.readTree(text), what);
    } catch (JsonProcessingException e) {
      throw notJson(what, e);
    }
  }

  /** The value at a JSON Pointer ("" is the whole document). */
  static JsonNode at(JsonNode root, String pointer) throws ExtractionException {
    JsonPointer compiled;
    try {
      compiled = JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw new ExtractionException("'" + pointer + "' is not a JSON Pointer: " + e.getMessage());
    }
    JsonNode found = root.at(compiled);
    if (found.isMissingNode()) {
      throw new ExtractionException("JSON Pointer '" + pointer + "' matches nothing in the body");
    }
    return found;
  }

  private static JsonNode present(JsonNode node, String what) throws ExtractionException {
    if (node == null || node.isMissingNode()) {
      throw new ExtractionException(what + " holds no JSON value");
    }
    return node;
  }

  private static ExtractionException notJson(String what, IOException e) {
    String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    return new ExtractionException(what + " is not valid JSON: " + detail, e);
  }
}
