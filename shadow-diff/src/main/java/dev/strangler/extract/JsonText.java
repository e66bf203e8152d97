package dev.strangler.extract;

import com.fasterxml.jackson.core.JsonPointer;
import dev.strangler.json.Json;
import dev.strangler.json.JsonSyntaxException;
import dev.strangler.json.Tape;
import dev.strangler.json.TapeValue;
import java.nio.charset.StandardCharsets;

/** Strict JSON parsing for core outputs into tapes: one complete value, nothing after it. */
final class JsonText {
  private JsonText() {}

  /**
   * Parses JSON bytes (UTF-8, or UTF-16/32 detected from the bytes as Jackson does), taking over
   * values that the document {@code like} (null for none) already holds.
   */
  static Tape parse(byte[] bytes, String what, Tape like) throws ExtractionException {
    if (bytes.length == 0) {
      throw new ExtractionException(what + " is empty, not JSON");
    }
    try {
      return Json.parse(bytes, like);
    } catch (JsonSyntaxException e) {
      throw new ExtractionException(what + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Parses JSON text. */
  static Tape parse(String text, String what, Tape like) throws ExtractionException {
    if (text.isBlank()) {
      throw new ExtractionException(what + " is empty, not JSON");
    }
    return parse(text.getBytes(StandardCharsets.UTF_8), what, like);
  }

  /**
   * The value at a JSON Pointer ("" is the whole document), navigated on the tape as Jackson's
   * {@code JsonNode.at} does: a step into an object is a field name ({@code ~1} is {@code /},
   * {@code ~0} is {@code ~}), a step into an array an index without leading zeros.
   */
  static TapeValue at(Tape tape, String pointer) throws ExtractionException {
    JsonPointer step;
    try {
      step = JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw new ExtractionException("'" + pointer + "' is not a JSON Pointer: " + e.getMessage());
    }
    int node = 0;
    for (; !step.matches() && node >= 0; step = step.tail()) {
      node = switch (tape.kind(node)) {
        case Tape.OBJECT -> tape.field(node, step.getMatchingProperty());
        case Tape.ARRAY -> tape.item(node, step.getMatchingIndex());
        default -> -1;
      };
    }
    if (node < 0) {
      throw new ExtractionException("JSON Pointer '" + pointer + "' matches nothing in the body");
    }
    return new TapeValue(tape, node);
  }
}
