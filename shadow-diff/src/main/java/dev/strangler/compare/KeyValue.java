package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.json.Tape;

/** A value used as a key: equal to another by JSON value, so {@code 1} equals {@code 1.0}. */
final class KeyValue {
  private static final NodeHash HASH = new NodeHash(false);

  /** Stands for "no key": equal only to itself. */
  static final KeyValue NONE = new KeyValue(null, -1, 0);

  private final Tape tape;
  private final int node;
  private final long hash;

  private KeyValue(Tape tape, int node, long hash) {
    this.tape = tape;
    this.node = node;
    this.hash = hash;
  }

  /** The key of value {@code node} of {@code tape}. */
  static KeyValue of(Tape tape, int node) {
    return new KeyValue(tape, node, HASH.exact(RuleState.NONE, tape, node));
  }

  /** The value as a Jackson tree, for the path of a diff. */
  JsonNode value() {
    return tape.toJsonNode(node);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof KeyValue key) || hash != key.hash || tape == null || key.tape == null) {
      return this == other;
    }
    int kind = tape.kind(node);
    if (kind != key.tape.kind(key.node)) {
      return false;
    }
    if (tape.sameBytes(node, key.tape, key.node)) {
      return true;
    }
    return switch (kind) {
      case Tape.NUMBER -> Numbers.equal(tape, node, key.tape, key.node, null);
      case Tape.STRING -> tape.sameText(node, key.tape, key.node);
      case Tape.OBJECT, Tape.ARRAY -> tape.sameBytes(node, key.tape, key.node) || value().equals(key.value());
      default -> tape.sameBytes(node, key.tape, key.node);
    };
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hash);
  }
}
