package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.strangler.config.CompareMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One comparison: walks both documents in step with the rules, collecting diffs. Also answers
 * "do these two values match?" for the item pairing ({@link #matches}), stopping at the first
 * difference and building no diff. Not thread-safe; one per {@link CoreComparator#compare} call.
 */
final class Walk {
  /** How many trial comparisons beyond the near-linear passes one call may spend on pairing. */
  static final int PROBE_BUDGET = 100_000;

  private final boolean extensibleMode;
  private final boolean strictOrder;
  private final NodeHash hashes;
  private final PathStack path = new PathStack();
  private final List<Diff> diffs = new ArrayList<>();
  private boolean probing;
  private boolean exact;
  private boolean failed;
  private int budget = PROBE_BUDGET;

  Walk(CompareMode mode, NodeHash hashes) {
    this.extensibleMode = mode.extensible();
    this.strictOrder = mode.strictOrder();
    this.hashes = hashes;
  }

  /** The diffs found so far, in document order. */
  List<Diff> diffs() {
    return Collections.unmodifiableList(diffs);
  }

  /** Compares two present values at the current path. */
  void node(RuleState s, JsonNode legacy, JsonNode fresh) {
    if (s.ignored() || SameTree.same(legacy, fresh)) {
      return;
    }
    JsonNodeType type = legacy.getNodeType();
    if (type != fresh.getNodeType()) {
      report(DiffKind.TYPE_CHANGED, legacy, fresh);
      return;
    }
    switch (type) {
      case OBJECT -> object(s, legacy, fresh);
      case ARRAY -> array(s, legacy, fresh);
      default -> {
        if (!sameValue(s, legacy, fresh)) {
          report(DiffKind.CHANGED, legacy, fresh);
        }
      }
    }
  }

  private static boolean sameValue(RuleState s, JsonNode legacy, JsonNode fresh) {
    return switch (legacy.getNodeType()) {
      case NUMBER -> Numbers.equal(legacy, fresh, s.tolerance());
      case STRING -> legacy.textValue().equals(fresh.textValue());
      case BOOLEAN -> legacy.booleanValue() == fresh.booleanValue();
      case NULL, MISSING -> true;
      default -> legacy.equals(fresh);
    };
  }

  /** Whether two values match under the rules; {@code exactly} counts added fields even in an extensible mode. */
  boolean matches(RuleState s, JsonNode legacy, JsonNode fresh, boolean exactly) {
    boolean wasProbing = probing;
    boolean wasExact = exact;
    probing = true;
    exact = wasExact || exactly;
    failed = false;
    node(s, legacy, fresh);
    boolean matched = !failed;
    probing = wasProbing;
    exact = wasExact;
    failed = false;
    return matched;
  }

  /** Records a difference at the current path (or, while probing, just that there is one). */
  void report(DiffKind kind, JsonNode legacy, JsonNode fresh) {
    if (probing) {
      failed = true;
    } else {
      diffs.add(new Diff(path.render(), kind, legacy, fresh));
    }
  }

  /** Fails the current probe. */
  void fail() {
    failed = true;
  }

  /** Whether a probe has found a difference: the walk unwinds without looking further. */
  boolean failed() {
    return failed;
  }

  boolean probing() {
    return probing;
  }

  /** Whether new fields are allowed here: the mode is extensible and no exact match is asked for. */
  boolean extensible() {
    return extensibleMode && !exact;
  }

  /** Takes one trial comparison from the budget; false once it is spent. */
  boolean spend() {
    return budget-- > 0;
  }

  boolean hasBudget() {
    return budget > 0;
  }

  PathStack path() {
    return path;
  }

  NodeHash hashes() {
    return hashes;
  }

  private void object(RuleState s, JsonNode legacy, JsonNode fresh) {
    int found = 0;
    for (Map.Entry<String, JsonNode> field : legacy.properties()) {
      String name = field.getKey();
      RuleState child = s.field(name);
      if (child.ignored()) {
        continue;
      }
      JsonNode value = fresh.get(name);
      path.pushField(name);
      if (value == null) {
        report(DiffKind.MISSING, field.getValue(), null);
      } else {
        found++;
        node(child, field.getValue(), value);
      }
      path.pop();
      if (failed) {
        return;
      }
    }
    if (extensible() || (!s.fieldsMayBeIgnored() && found == fresh.size())) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : fresh.properties()) {
      String name = field.getKey();
      if (!legacy.has(name) && !s.field(name).ignored()) {
        path.pushField(name);
        report(DiffKind.UNEXPECTED, null, field.getValue());
        path.pop();
        if (failed) {
          return;
        }
      }
    }
  }

  private void array(RuleState s, JsonNode legacy, JsonNode fresh) {
    RuleState item = s.item();
    if (item.ignored()) {
      return;
    }
    if (s.keyField() != null) {
      KeyedItems.compare(this, item, s.keyField(), legacy, fresh);
    } else if (s.ordered(strictOrder)) {
      ordered(item, legacy, fresh);
    } else {
      ItemPairing.compare(this, item, Items.all(legacy), Items.all(fresh), ItemPath.INDEX);
    }
  }

  private void ordered(RuleState item, JsonNode legacy, JsonNode fresh) {
    int n = legacy.size();
    int m = fresh.size();
    if (probing && n != m) {
      failed = true;
      return;
    }
    int common = Math.min(n, m);
    for (int i = 0; i < common && !failed; i++) {
      path.pushIndex(i);
      node(item, legacy.get(i), fresh.get(i));
      path.pop();
    }
    for (int i = common; i < n; i++) {
      path.pushIndex(i);
      report(DiffKind.MISSING, legacy.get(i), null);
      path.pop();
    }
    for (int i = common; i < m; i++) {
      path.pushIndex(i);
      report(DiffKind.UNEXPECTED, null, fresh.get(i));
      path.pop();
    }
  }
}
