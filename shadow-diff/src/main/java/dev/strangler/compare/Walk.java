package dev.strangler.compare;

import dev.strangler.config.CompareMode;
import dev.strangler.json.Tape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One comparison: walks both tapes in step with the rules, collecting diffs. Two values with the
 * same bytes match under every mode and rule (ignoring only prunes, a tolerance only loosens,
 * equality implies extension and multiset or keyed matches), so any such subtree is skipped
 * with one vectorized byte comparison; values are decoded only where bytes differ. Also answers
 * "do these two values match?" for the item pairing ({@link #matches}), stopping at the first
 * difference and building no diff. Not thread-safe; one per {@link CoreComparator#compare} call.
 *
 * <p>Written for the JIT: C2 inlines a compile unit's calls in bytecode order until a node budget
 * is spent, so the loops read their next sibling before they walk the current one, and {@link
 * #node} dispatches containers before its one report call; otherwise the report's Jackson and
 * path code, inlined first, leaves the loops' own small calls out of line.
 */
final class Walk {
  /** How many trial comparisons beyond the near-linear passes one call may spend on pairing. */
  static final int PROBE_BUDGET = 100_000;

  private final boolean extensibleMode;
  private final boolean strictOrder;
  private final NodeHash hashes;
  private final Tape legacy;
  private final Tape fresh;
  private final PathStack path = new PathStack();
  private final List<Diff> diffs = new ArrayList<>();
  private boolean probing;
  private boolean exact;
  private boolean failed;
  private int budget = PROBE_BUDGET;

  Walk(CompareMode mode, NodeHash hashes, Tape legacy, Tape fresh) {
    this.extensibleMode = mode.extensible();
    this.strictOrder = mode.strictOrder();
    this.hashes = hashes;
    this.legacy = legacy;
    this.fresh = fresh;
  }

  /** The diffs found so far, in document order. */
  List<Diff> diffs() {
    return diffs.isEmpty() ? List.of() : Collections.unmodifiableList(diffs);
  }

  /** Compares value {@code i} of the legacy tape with value {@code j} of the new one at the current path. */
  void node(RuleState s, int i, int j) {
    if (s.ignored() || legacy.sameBytes(i, fresh, j)) {
      return;
    }
    int kind = legacy.kind(i);
    boolean sameKind = kind == fresh.kind(j);
    if (sameKind && kind == Tape.OBJECT) {
      object(s, i, j);
    } else if (sameKind && kind == Tape.ARRAY) {
      array(s, i, j);
    } else if (!sameKind || !sameValue(s, kind, i, j)) {
      report(sameKind ? DiffKind.CHANGED : DiffKind.TYPE_CHANGED, i, j);
    }
  }

  /** Whether two scalars of one kind whose bytes differ are equal. */
  private boolean sameValue(RuleState s, int kind, int i, int j) {
    return switch (kind) {
      case Tape.NUMBER -> Numbers.equal(legacy, i, fresh, j, s.tolerance());
      case Tape.STRING -> legacy.sameText(i, fresh, j);
      case Tape.NULL -> true;
      default -> false;
    };
  }

  /** Whether two values match under the rules; {@code exactly} counts added fields even in an extensible mode. */
  boolean matches(RuleState s, int i, int j, boolean exactly) {
    boolean wasProbing = probing;
    boolean wasExact = exact;
    probing = true;
    exact = wasExact || exactly;
    failed = false;
    node(s, i, j);
    boolean matched = !failed;
    probing = wasProbing;
    exact = wasExact;
    failed = false;
    return matched;
  }

  /**
   * Records a difference at the current path between value {@code i} of the legacy tape and
   * {@code j} of the new one, -1 for an absent side (or, while probing, just that there is one).
   * Only here are the values turned into Jackson trees.
   */
  void report(DiffKind kind, int i, int j) {
    if (probing) {
      failed = true;
    } else {
      diffs.add(new Diff(path.render(), kind, i < 0 ? null : legacy.toJsonNode(i), j < 0 ? null : fresh.toJsonNode(j)));
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

  Tape legacy() {
    return legacy;
  }

  Tape fresh() {
    return fresh;
  }

  /**
   * Walks the legacy fields, finding each new one by walking the new fields in step while the
   * names line up, else by a lookup ({@link FieldLookup}).
   */
  private void object(RuleState s, int i, int j) {
    int found = 0;
    int cursor = j + 1;
    int freshEnd = fresh.next(j);
    FieldLookup lookup = null;
    SharedRun shared = new SharedRun(legacy, i, fresh, j);
    int end = legacy.next(i);
    for (int key = i + 1, following; key < end; key = following) {
      following = legacy.next(key + 1);
      if (cursor < freshEnd && shared.same(legacy.start(key), legacy.end(key + 1), fresh.start(cursor), fresh.end(cursor + 1))) {
        found++;
        cursor = fresh.next(cursor + 1);
        continue;
      }
      RuleState child = s.field(legacy, key);
      if (child.ignored()) {
        continue;
      }
      int value;
      if (cursor < freshEnd && fresh.sameText(cursor, legacy, key)) {
        value = cursor + 1;
      } else {
        lookup = lookup == null ? new FieldLookup(fresh, j) : lookup;
        value = lookup.find(legacy, key);
      }
      path.pushField(legacy, key);
      if (value >= 0) {
        found++;
        cursor = fresh.next(value);
        node(child, key + 1, value);
      } else {
        report(DiffKind.MISSING, key + 1, -1);
      }
      path.pop();
      if (failed) {
        return;
      }
    }
    if (extensible() || (!s.fieldsMayBeIgnored() && found == fresh.count(j))) {
      return;
    }
    FieldLookup legacyFields = new FieldLookup(legacy, i);
    for (int key = j + 1; key < freshEnd; key = fresh.next(key + 1)) {
      if (legacyFields.find(fresh, key) < 0 && !s.field(fresh, key).ignored()) {
        path.pushField(fresh, key);
        report(DiffKind.UNEXPECTED, -1, key + 1);
        path.pop();
        if (failed) {
          return;
        }
      }
    }
  }

  private void array(RuleState s, int i, int j) {
    RuleState item = s.item();
    if (item.ignored()) {
      return;
    }
    if (s.keyField() != null) {
      KeyedItems.compare(this, item, s.keyField(), i, j);
    } else if (s.ordered(strictOrder)) {
      ordered(item, i, j);
    } else {
      ItemPairing.compare(this, item, Items.all(legacy, i), Items.all(fresh, j), ItemPath.INDEX);
    }
  }

  private void ordered(RuleState item, int i, int j) {
    int n = legacy.count(i);
    int m = fresh.count(j);
    if (probing && n != m) {
      failed = true;
      return;
    }
    int common = Math.min(n, m);
    int a = i + 1;
    int b = j + 1;
    SharedRun shared = new SharedRun(legacy, i, fresh, j);
    for (int k = 0; k < common && !failed; k++) {
      int mine = a;
      int theirs = b;
      a = legacy.next(a);
      b = fresh.next(b);
      if (!shared.same(legacy.start(mine), legacy.end(mine), fresh.start(theirs), fresh.end(theirs))) {
        path.pushIndex(k);
        node(item, mine, theirs);
        path.pop();
      }
    }
    for (int k = common; k < n; k++, a = legacy.next(a)) {
      path.pushIndex(k);
      report(DiffKind.MISSING, a, -1);
      path.pop();
    }
    for (int k = common; k < m; k++, b = fresh.next(b)) {
      path.pushIndex(k);
      report(DiffKind.UNEXPECTED, -1, b);
      path.pop();
    }
  }
}
