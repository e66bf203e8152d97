package dev.strangler.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One value of a parsed document: a tape and the index of the value's entry.
 *
 * @param tape the document
 * @param node the entry of the value
 */
public record TapeValue(Tape tape, int node) {

  /** The whole document. */
  public static TapeValue root(Tape tape) {
    return new TapeValue(tape, 0);
  }

  /** The value as a Jackson tree, parsed from its bytes. */
  public JsonNode toJsonNode() {
    return tape.toJsonNode(node);
  }
}
