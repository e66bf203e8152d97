package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A value used as a key: equal to another by JSON value, so {@code 1} equals {@code 1.0}. */
final class KeyValue {
  private static final NodeHash HASH = new NodeHash(false);

  /** Stands for "no key": equal only to itself. */
  static final KeyValue NONE = new KeyValue(MissingNode.getInstance());

  private final JsonNode value;
  private final long hash;

  KeyValue(JsonNode value) {
    this.value = value;
    this.hash = HASH.exact(RuleState.NONE, value);
  }

  JsonNode value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof KeyValue key) || hash != key.hash || value.getNodeType() != key.value.getNodeType()) {
      return false;
    }
    return value.isNumber() ? Numbers.equal(value, key.value, null) : value.equals(key.value);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hash);
  }
}
