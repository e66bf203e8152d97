package dev.strangler.compare;

import dev.strangler.config.CompareConfig;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a route's ignore, unordered, keyed and tolerance patterns into one deterministic
 * automaton of {@link RuleState}s, so that comparing walks the rules in step with the document
 * at the cost of one map lookup per field. Names are interned, as Jackson interns field names,
 * so that lookups succeed on identity. Where rules overlap, every ignore and unordered rule
 * applies, the largest tolerance wins and the key of the alphabetically first keyed pattern wins.
 */
final class RuleCompiler {
  private enum Action { IGNORE, UNORDERED, KEYED, TOLERANCE }

  private record Rule(PathPattern path, Action action, String keyField, double tolerance) {}

  private final List<Rule> rules = new ArrayList<>();
  private final List<Integer> ruleOf = new ArrayList<>();
  private final List<Integer> stepOf = new ArrayList<>();
  private final Map<BitSet, RuleState> states = new HashMap<>();

  private RuleCompiler(CompareConfig config) {
    config.ignore().forEach(p -> rules.add(new Rule(PathPattern.parse(p), Action.IGNORE, null, 0)));
    config.unordered().forEach(p -> rules.add(new Rule(PathPattern.parse(p), Action.UNORDERED, null, 0)));
    config.keyed().forEach((p, key) -> rules.add(new Rule(PathPattern.parse(p), Action.KEYED, key.intern(), 0)));
    config.tolerance().forEach((p, t) -> rules.add(new Rule(PathPattern.parse(p), Action.TOLERANCE, null, t)));
    rules.sort(Comparator.comparing((Rule r) -> r.path().text()).thenComparing(Rule::action));
    for (int r = 0; r < rules.size(); r++) {
      for (int s = 0; s <= rules.get(r).path().steps().size(); s++) {
        ruleOf.add(r);
        stepOf.add(s);
      }
    }
  }

  /**
   * The state at {@code $} for the given rules.
   *
   * @throws IllegalArgumentException if a pattern is not a valid path
   */
  static RuleState compile(CompareConfig config) {
    RuleCompiler compiler = new RuleCompiler(config);
    BitSet roots = new BitSet();
    for (int p = 0; p < compiler.ruleOf.size(); p++) {
      if (compiler.stepOf.get(p) == 0) {
        roots.set(p);
      }
    }
    return compiler.state(roots);
  }

  private RuleState state(BitSet positions) {
    if (positions.isEmpty()) {
      return RuleState.NONE;
    }
    RuleState known = states.get(positions);
    if (known != null) {
      return known;
    }
    boolean ignored = false;
    boolean unordered = false;
    String keyField = null;
    Double tolerance = null;
    Set<String> names = new LinkedHashSet<>();
    for (int p = positions.nextSetBit(0); p >= 0; p = positions.nextSetBit(p + 1)) {
      Rule rule = rules.get(ruleOf.get(p));
      List<PathPattern.Step> steps = rule.path().steps();
      int step = stepOf.get(p);
      if (step < steps.size()) {
        if (steps.get(step).kind() == PathPattern.Kind.FIELD) {
          names.add(steps.get(step).name());
        }
        continue;
      }
      switch (rule.action()) {
        case IGNORE -> ignored = true;
        case UNORDERED -> unordered = true;
        case KEYED -> keyField = keyField == null ? rule.keyField() : keyField;
        case TOLERANCE -> tolerance = tolerance == null ? rule.tolerance() : Math.max(tolerance, rule.tolerance());
      }
    }
    Map<String, RuleState> named = new HashMap<>();
    for (String name : names) {
      named.put(name.intern(), state(next(positions, PathPattern.Kind.FIELD, name)));
    }
    RuleState others = state(next(positions, PathPattern.Kind.ANY_FIELD, null));
    RuleState items = state(next(positions, PathPattern.Kind.ANY_ITEM, null));
    RuleState state = new RuleState(ignored, unordered, keyField, tolerance, named, others, items);
    states.put(positions, state);
    return state;
  }

  /** The positions after taking a step: a named field also matches {@code .*} steps. */
  private BitSet next(BitSet positions, PathPattern.Kind taken, String name) {
    BitSet next = new BitSet();
    for (int p = positions.nextSetBit(0); p >= 0; p = positions.nextSetBit(p + 1)) {
      List<PathPattern.Step> steps = rules.get(ruleOf.get(p)).path().steps();
      int step = stepOf.get(p);
      if (step == steps.size()) {
        continue;
      }
      PathPattern.Step s = steps.get(step);
      boolean matches = switch (taken) {
        case FIELD -> s.kind() == PathPattern.Kind.ANY_FIELD || name.equals(s.name());
        case ANY_FIELD -> s.kind() == PathPattern.Kind.ANY_FIELD;
        case ANY_ITEM -> s.kind() == PathPattern.Kind.ANY_ITEM;
      };
      if (matches) {
        next.set(p + 1);
      }
    }
    return next;
  }
}
