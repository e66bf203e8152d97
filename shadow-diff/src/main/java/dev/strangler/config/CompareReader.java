package dev.strangler.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a route's {@code compare}: {@code mode} (default lenient), {@code ignore} and
 * {@code unordered} path lists, {@code keyed: {path: field}} and {@code tolerance: {path: n}}.
 * Paths start with {@code $}.
 */
final class CompareReader {
  private static final List<String> KEYS = List.of("mode", "ignore", "unordered", "keyed", "tolerance");
  private static final String MODES =
      Arrays.stream(CompareMode.values()).map(CompareMode::id).collect(Collectors.joining(", "));

  private final NodeReader nodes;

  CompareReader(NodeReader nodes) {
    this.nodes = nodes;
  }

  CompareConfig read(Node node, String route) throws ConfigException {
    Fields f = nodes.fields(node, "compare of " + route, KEYS);
    return new CompareConfig(
        f.value("mode", CompareMode.LENIENT, CompareReader::mode),
        f.list("ignore", List.of(), CompareReader::path),
        f.list("unordered", List.of(), CompareReader::path),
        pathMap(f, "keyed", Values::nonBlank),
        pathMap(f, "tolerance", Values::nonNegative));
  }

  private <T> Map<String, T> pathMap(Fields f, String key, Function<String, T> parse)
      throws ConfigException {
    Map<String, T> map = new LinkedHashMap<>();
    if (f.node(key).isEmpty()) {
      return map;
    }
    String what = f.what(key);
    for (Fields.Field e : nodes.mapping(f.node(key).get(), what).all()) {
      String path = nodes.parse(e.keyNode(), e.key(), "a path in " + what, CompareReader::path);
      map.put(path, nodes.value(e.value(), "'" + path + "' in " + what, parse));
    }
    return map;
  }

  static CompareMode mode(String text) {
    return Arrays.stream(CompareMode.values())
        .filter(m -> m.id().equals(text.strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("expected one of: " + MODES));
  }

  /** A JSON path such as {@code $.a.b} or {@code $.items[*].id}. */
  static String path(String text) {
    if (!text.startsWith("$")) {
      throw new IllegalArgumentException("expected a path starting with $, like $.comments[*].id");
    }
    return text;
  }
}
