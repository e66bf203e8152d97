package dev.strangler.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule path: {@code $} followed by steps {@code .name} or {@code ['name']} (a field),
 * {@code .*} (any field) and {@code [*]} (any array item, whether matched by index, as a
 * multiset or by key). Examples: {@code $.comments[*].id}, {@code $.tags}, {@code $.*.price}.
 *
 * @param text  the pattern as written
 * @param steps the steps after {@code $}
 */
record PathPattern(String text, List<Step> steps) {

  /** What a step matches. */
  enum Kind { FIELD, ANY_FIELD, ANY_ITEM }

  /** One step; {@code name} is set for {@link Kind#FIELD}. */
  record Step(Kind kind, String name) {}

  PathPattern {
    steps = List.copyOf(steps);
  }

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException saying what is wrong and what is expected
   */
  static PathPattern parse(String text) {
    if (!text.startsWith("$")) {
      throw invalid(text, "it must start with $");
    }
    List<Step> steps = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int end = nameEnd(text, i + 1);
        String name = text.substring(i + 1, end);
        if (name.isEmpty()) {
          throw invalid(text, "a field name is missing after '.' at position " + i);
        }
        steps.add(name.equals("*") ? new Step(Kind.ANY_FIELD, null) : new Step(Kind.FIELD, name));
        i = end;
      } else if (text.startsWith("[*]", i)) {
        steps.add(new Step(Kind.ANY_ITEM, null));
        i += 3;
      } else if (c == '[' && i + 1 < text.length() && (text.charAt(i + 1) == '\'' || text.charAt(i + 1) == '"')) {
        int close = PathText.endOfQuoted(text, i + 1);
        if (close + 1 >= text.length() || text.charAt(close) != text.charAt(i + 1) || text.charAt(close + 1) != ']') {
          throw invalid(text, "the quoted field name at position " + i + " is not closed with ']");
        }
        steps.add(new Step(Kind.FIELD, PathText.unquote(text, i + 1, close)));
        i = close + 2;
      } else if (c == '[') {
        throw invalid(text, "only [*] (any array item) or ['name'] may follow '[' at position " + i);
      } else {
        throw invalid(text, "expected '.' or '[' at position " + i);
      }
    }
    return new PathPattern(text, steps);
  }

  private static int nameEnd(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
      i++;
    }
    return i;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException(
        "invalid path '" + text + "': " + why + " (like $.comments[*].id, $.tags or $.*.price)");
  }
}
