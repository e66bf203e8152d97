package dev.strangler.compare;

import dev.strangler.json.Tape;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The rules in force at one place of a document, with the places below it: a state of the
 * automaton {@link RuleCompiler} builds from the path patterns. Immutable.
 */
final class RuleState {
  /** No rule applies here or anywhere below. */
  static final RuleState NONE = new RuleState(false, false, null, null, Map.of(), null, null);

  private final boolean ignored;
  private final boolean unordered;
  private final String keyField;
  private final Double tolerance;
  private final Map<String, RuleState> namedFields;
  private final String[] names;
  private final byte[][] namesUtf8;
  private final RuleState[] named;
  private final RuleState otherFields;
  private final RuleState items;
  private final boolean fieldsMayBeIgnored;

  RuleState(boolean ignored, boolean unordered, String keyField, Double tolerance,
      Map<String, RuleState> namedFields, RuleState otherFields, RuleState items) {
    this.ignored = ignored;
    this.unordered = unordered;
    this.keyField = keyField;
    this.tolerance = tolerance;
    this.namedFields = Map.copyOf(namedFields);
    this.names = this.namedFields.keySet().toArray(String[]::new);
    this.namesUtf8 = new byte[names.length][];
    this.named = new RuleState[names.length];
    for (int k = 0; k < names.length; k++) {
      namesUtf8[k] = names[k].getBytes(StandardCharsets.UTF_8);
      named[k] = this.namedFields.get(names[k]);
    }
    this.otherFields = otherFields == null ? this : otherFields;
    this.items = items == null ? this : items;
    this.fieldsMayBeIgnored = this.otherFields.ignored
        || this.namedFields.values().stream().anyMatch(RuleState::ignored);
  }

  /** Whether this place is left out of the comparison. */
  boolean ignored() {
    return ignored;
  }

  /** Whether the array here is compared as a multiset whatever the mode. */
  boolean unordered() {
    return unordered;
  }

  /** The field the items of the array here are matched by, or {@code null}. */
  String keyField() {
    return keyField;
  }

  /** The absolute difference still counted equal for a number here, or {@code null}. */
  Double tolerance() {
    return tolerance;
  }

  /** Whether some field directly below may be ignored. */
  boolean fieldsMayBeIgnored() {
    return fieldsMayBeIgnored;
  }

  /** The state of field {@code name} of the object here. */
  RuleState field(String name) {
    if (namedFields.isEmpty()) {
      return otherFields;
    }
    RuleState named = namedFields.get(name);
    return named != null ? named : otherFields;
  }

  /** The state of the field named by string {@code key} of {@code t}, found without decoding the name. */
  RuleState field(Tape t, int key) {
    for (int k = 0; k < names.length; k++) {
      if (t.hasText(key, names[k], namesUtf8[k])) {
        return named[k];
      }
    }
    return otherFields;
  }

  /** The state of any item of the array here. */
  RuleState item() {
    return items;
  }

  /** Whether arrays here are compared index by index under a mode with the given ordering. */
  boolean ordered(boolean strictOrder) {
    return strictOrder && !unordered && keyField == null;
  }
}
