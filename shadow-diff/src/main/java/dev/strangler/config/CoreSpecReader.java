package dev.strangler.config;

import dev.strangler.routing.Side;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a route's {@code core: {legacy: X, new: X}}, where each X names exactly one extractor:
 * {@code {json: "/pointer"}}, {@code {header: Name}}, {@code {html-island: "css"}},
 * {@code {html-fields: {field: "css[@attr]"}}} or {@code {status-only: true}}, or is a non-empty
 * list of them, the first fitting the response's content type winning ({@link CoreSpec.FirstFit}).
 * CSS selectors are checked with jsoup's parser, JSON Pointers against RFC 6901.
 */
final class CoreSpecReader {
  private static final List<String> KINDS =
      List.of("json", "header", "html-island", "html-fields", "status-only");
  private static final Pattern POINTER = Pattern.compile("(/([^~]|~[01])*)*");
  private static final Pattern ATTRIBUTE = Pattern.compile("[^\\s\"'>/=@\\]\\[]+");

  private final NodeReader nodes;

  CoreSpecReader(NodeReader nodes) {
    this.nodes = nodes;
  }

  Map<Side, CoreSpec> read(Node node, String route) throws ConfigException {
    Fields core = nodes.fields(node, "core of " + route, List.of("legacy", "new"));
    Map<Side, CoreSpec> specs = new EnumMap<>(Side.class);
    for (Fields.Field f : core.all()) {
      Side side = Side.parse(f.key()).orElseThrow();
      String where = "core." + f.key() + " of " + route;
      specs.put(side, f.value() instanceof SequenceNode ? choices(f.value(), where)
          : spec(nodes.fields(f.value(), where, KINDS)));
    }
    return specs;
  }

  /** A list of extractors, tried in order by content type. */
  private CoreSpec choices(Node node, String where) throws ConfigException {
    List<Node> items = nodes.list(node, where);
    if (items.isEmpty()) {
      throw nodes.error(node, where + " is an empty list; expected at least one extractor, like"
          + " [{json: \"/post\"}, {html-island: \"script#core\"}]");
    }
    List<CoreSpec> choices = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      choices.add(spec(nodes.fields(items.get(i), "item " + (i + 1) + " of " + where, KINDS)));
    }
    return new CoreSpec.FirstFit(choices);
  }

  private CoreSpec spec(Fields f) throws ConfigException {
    List<Fields.Field> given = List.copyOf(f.all());
    if (given.isEmpty()) {
      throw nodes.error(f.node(), f.where() + " names no extractor; expected exactly one of: "
          + String.join(", ", KINDS));
    }
    if (given.size() > 1) {
      throw nodes.error(given.get(1).keyNode(), f.where() + " names both '" + given.get(0).key()
          + "' and '" + given.get(1).key() + "'; expected exactly one of: " + String.join(", ", KINDS));
    }
    String kind = given.get(0).key();
    return switch (kind) {
      case "json" -> new CoreSpec.Json(f.required(kind, CoreSpecReader::pointer));
      case "header" -> new CoreSpec.Header(f.required(kind, Values::headerName));
      case "html-island" -> new CoreSpec.HtmlIsland(f.required(kind, CoreSpecReader::css));
      case "html-fields" -> new CoreSpec.HtmlFields(fields(f.require(kind), f.what(kind)));
      default -> statusOnly(f);
    };
  }

  private Map<String, String> fields(Node node, String what) throws ConfigException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Fields.Field f : nodes.mapping(node, what).all()) {
      nodes.parse(f.keyNode(), f.key(), "a field name in " + what, Values::nonBlank);
      fields.put(f.key(), nodes.value(f.value(), "'" + f.key() + "' in " + what,
          CoreSpecReader::cssWithAttribute));
    }
    if (fields.isEmpty()) {
      throw nodes.error(node, what + " has no fields; expected fields like {title: \"h1\"}");
    }
    return fields;
  }

  private CoreSpec statusOnly(Fields f) throws ConfigException {
    if (!f.required("status-only", Values::bool)) {
      throw nodes.error(f.require("status-only"), f.what("status-only")
          + " can only be true; leave the side out of core to compare on status only");
    }
    return new CoreSpec.StatusOnly();
  }

  /** A JSON Pointer: "" for the whole document or {@code /a/b}. */
  static String pointer(String text) {
    if (!POINTER.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "expected a JSON Pointer: \"\" for the whole body, or a path starting with '/', like"
              + " \"/post\" ('~' only as ~0 or ~1)");
    }
    return text;
  }

  /** A CSS selector jsoup accepts. */
  static String css(String text) {
    try {
      QueryParser.parse(text);
      return text;
    } catch (Selector.SelectorParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("expected a CSS selector like \"script#core\" ("
          + e.getMessage() + ")");
    }
  }

  /** {@code css} or {@code css@attribute}. */
  static String cssWithAttribute(String text) {
    int at = text.lastIndexOf('@');
    if (at > text.lastIndexOf(']')) {
      if (!ATTRIBUTE.matcher(text.substring(at + 1)).matches()) {
        throw new IllegalArgumentException(
            "expected a CSS selector, optionally with @attribute, like \"span.price@data-amount\"");
      }
      css(text.substring(0, at));
      return text;
    }
    return css(text);
  }
}
