package dev.strangler.compare;

import dev.strangler.json.Tape;

/**
 * A value used as a key: equal to another by JSON value, so {@code 1} equals {@code 1.0} and
 * {@code "a"} equals {@code "\u0061"}; a hash to match.
 */
final class KeyValue {
  private static final NodeHash HASH = new NodeHash(false);

  private final Tape tape;
  private final int node;
  private final long hash;

  private KeyValue(Tape tape, int node) {
    this.tape = tape;
    this.node = node;
    this.hash = hash(tape, node);
  }

  /** The key of value {@code node} of {@code tape}. */
  static KeyValue of(Tape tape, int node) {
    return new KeyValue(tape, node);
  }

  /** A hash equal for all values {@link #equal} counts equal. */
  static long hash(Tape tape, int node) {
    return HASH.exact(RuleState.NONE, tape, node);
  }

  /** Whether two values are equal as keys. */
  static boolean equal(Tape a, int i, Tape b, int j) {
    int kind = a.kind(i);
    if (kind != b.kind(j)) {
      return false;
    }
    if (a.sameBytes(i, b, j)) {
      return true;
    }
    return switch (kind) {
      case Tape.NUMBER -> a.isFloat(i) || b.isFloat(j) ? Numbers.equal(a, i, b, j, null) : Numbers.bothZero(a, i, b, j);
      case Tape.STRING -> a.sameText(i, b, j);
      case Tape.OBJECT, Tape.ARRAY -> a.toJsonNode(i).equals(b.toJsonNode(j));
      default -> false;
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyValue key && hash == key.hash && equal(tape, node, key.tape, key.node);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hash);
  }
}
