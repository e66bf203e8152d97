package dev.strangler.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path into a JSON document as written in routes.yaml: {@code $} followed by steps
 * {@code .name}, {@code ['name']} or {@code ["name"]}, {@code [3]} and the wildcards {@code .*}
 * and {@code [*]} (each matches every member of an object and every item of an array). Concrete
 * paths, such as those of diffs ({@code $.comments[2].body}), use the same syntax.
 */
public final class JsonPathPattern {

  /** One step of a path. {@code name} is null for an index or a wildcard. */
  public record Step(String name, int index, boolean wildcard) {
    static Step member(String name) {
      return new Step(name, -1, false);
    }

    static Step item(int index) {
      return new Step(null, index, false);
    }

    static Step any() {
      return new Step(null, -1, true);
    }

    /** Whether this (pattern) step matches a concrete step. */
    public boolean matches(Step concrete) {
      if (wildcard) {
        return true;
      }
      if (name != null) {
        return name.equals(concrete.name);
      }
      return concrete.name == null && !concrete.wildcard && index == concrete.index;
    }
  }

  private final String text;
  private final List<Step> steps;

  private JsonPathPattern(String text, List<Step> steps) {
    this.text = text;
    this.steps = List.copyOf(steps);
  }

  /**
   * Parses a path.
   *
   * @throws IllegalArgumentException saying what is expected
   */
  public static JsonPathPattern parse(String text) {
    return new Parser(text).parse();
  }

  /** Parses a path, or empty when it is not one. */
  public static Optional<JsonPathPattern> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Checks a path and returns it unchanged (for the loader). */
  static String check(String text) {
    parse(text);
    return text;
  }

  public List<Step> steps() {
    return steps;
  }

  /** Whether this pattern matches a concrete path or one of its ancestors. */
  public boolean matchesPrefixOf(List<Step> concrete) {
    if (concrete.size() < steps.size()) {
      return false;
    }
    for (int i = 0; i < steps.size(); i++) {
      if (!steps.get(i).matches(concrete.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * When a concrete path is shorter than this pattern and leads into it, the rest of the pattern
   * below that path; empty otherwise.
   */
  public Optional<List<Step>> remainderBelow(List<Step> concrete) {
    if (concrete.size() >= steps.size()) {
      return Optional.empty();
    }
    for (int i = 0; i < concrete.size(); i++) {
      if (!steps.get(i).matches(concrete.get(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(steps.subList(concrete.size(), steps.size()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonPathPattern p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Parser {
    private static final String EXPECTED =
        "expected a path like $.password, $.items[*].token or $['odd key']";

    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    JsonPathPattern parse() {
      if (!text.startsWith("$")) {
        throw fail("it must start with $");
      }
      pos = 1;
      List<Step> steps = new ArrayList<>();
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '.') {
          steps.add(dotted());
        } else if (c == '[') {
          steps.add(bracketed());
        } else {
          throw fail("unexpected '" + c + "' at position " + (pos + 1));
        }
      }
      return new JsonPathPattern(text, steps);
    }

    private Step dotted() {
      int start = ++pos;
      while (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
        pos++;
      }
      String name = text.substring(start, pos);
      if (name.isEmpty() || name.contains("]")) {
        throw fail("a '.' must be followed by a member name or *");
      }
      return name.equals("*") ? Step.any() : Step.member(name);
    }

    private Step bracketed() {
      int close = text.indexOf(']', pos);
      char first = pos + 1 < text.length() ? text.charAt(pos + 1) : ']';
      if (first == '\'' || first == '"') {
        int end = text.indexOf(first, pos + 2);
        if (end < 0 || end + 1 >= text.length() || text.charAt(end + 1) != ']') {
          throw fail("a quoted name must be closed, like ['name']");
        }
        String name = text.substring(pos + 2, end);
        pos = end + 2;
        return Step.member(name);
      }
      if (close < 0) {
        throw fail("a '[' must be closed by ']'");
      }
      String inside = text.substring(pos + 1, close);
      pos = close + 1;
      if (inside.equals("*")) {
        return Step.any();
      }
      if (inside.matches("0|[1-9][0-9]{0,8}")) {
        return Step.item(Integer.parseInt(inside));
      }
      throw fail("'[" + inside + "]' is neither an index like [0], [*] nor a quoted name");
    }

    private IllegalArgumentException fail(String why) {
      return new IllegalArgumentException(EXPECTED + " (" + why + ")");
    }
  }
}
