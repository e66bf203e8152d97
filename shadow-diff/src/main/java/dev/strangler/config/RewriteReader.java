package dev.strangler.config;

import dev.strangler.http.HopByHop;
import dev.strangler.rewrite.QueryRule;
import dev.strangler.rewrite.RequestRewrite;
import dev.strangler.routing.Side;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a route's {@code rewrite: {legacy: R, new: R}}, where R is
 * {@code {path: "/template/{param}", query: keep|drop|{set: {k: v}}, headers: {set: {Name: value},
 * remove: [Name]}}}. The path template may only name parameters of the route's match path
 * ({@code {**}} for what a trailing {@code **} matched); header names must be tokens, and neither
 * hop-by-hop nor framing headers (Content-Length) may be set or removed.
 */
final class RewriteReader {
  private static final List<String> KEYS = List.of("path", "query", "headers");
  private static final List<String> HEADER_KEYS = List.of("set", "remove");

  private final NodeReader nodes;

  RewriteReader(NodeReader nodes) {
    this.nodes = nodes;
  }

  Map<Side, RequestRewrite> read(Node node, String route, String matchPath) throws ConfigException {
    Fields sides = nodes.fields(node, "rewrite of " + route, List.of("legacy", "new"));
    Map<Side, RequestRewrite> rewrites = new EnumMap<>(Side.class);
    for (Fields.Field f : sides.all()) {
      String where = "rewrite." + f.key() + " of " + route;
      rewrites.put(Side.parse(f.key()).orElseThrow(), side(nodes.fields(f.value(), where, KEYS), matchPath));
    }
    return rewrites;
  }

  private RequestRewrite side(Fields f, String matchPath) throws ConfigException {
    String path = f.value("path", null, p -> {
      RequestRewrite.compile(matchPath, p, QueryRule.KEEP, Map.of(), List.of());
      return p;
    });
    QueryRule query = f.node("query").isPresent() ? query(f.node("query").get(), f.what("query")) : QueryRule.KEEP;
    Map<String, String> set = new LinkedHashMap<>();
    List<String> remove = List.of();
    var headers = f.section("headers", "headers of " + f.where(), HEADER_KEYS);
    if (headers.isPresent()) {
      if (headers.get().node("set").isPresent()) {
        for (Fields.Field h : nodes.mapping(headers.get().node("set").get(), headers.get().what("set")).all()) {
          String name = nodes.parse(h.keyNode(), h.key(), "a header name in " + headers.get().what("set"),
              RewriteReader::headerName);
          set.put(name, nodes.value(h.value(), "'" + name + "' in " + headers.get().what("set"),
              RewriteReader::headerValue));
        }
      }
      remove = headers.get().list("remove", List.of(), RewriteReader::headerName);
    }
    return RequestRewrite.compile(matchPath, path, query, set, remove);
  }

  private QueryRule query(Node node, String what) throws ConfigException {
    if (node instanceof ScalarNode) {
      return nodes.value(node, what, text -> switch (text.strip()) {
        case "keep" -> QueryRule.KEEP;
        case "drop" -> new QueryRule(QueryRule.Mode.DROP, Map.of());
        default -> throw new IllegalArgumentException("expected keep, drop or {set: {name: value}}");
      });
    }
    Fields f = nodes.fields(node, what, List.of("set"));
    Map<String, String> set = new LinkedHashMap<>();
    for (Fields.Field p : nodes.mapping(f.require("set"), f.what("set")).all()) {
      nodes.parse(p.keyNode(), p.key(), "a parameter name in " + f.what("set"), Values::nonBlank);
      set.put(p.key(), nodes.value(p.value(), "'" + p.key() + "' in " + f.what("set"), text -> text));
    }
    return new QueryRule(QueryRule.Mode.SET, set);
  }

  /** A header name a rewrite may touch: a token, not hop-by-hop, not framing. */
  static String headerName(String text) {
    String name = Values.headerName(text);
    String lower = name.toLowerCase(Locale.ROOT);
    if (HopByHop.isFixed(lower) || lower.equals("content-length")) {
      throw new IllegalArgumentException("the edge owns the hop-by-hop and framing headers; a rewrite may"
          + " not set or remove " + name);
    }
    return name;
  }

  /** A header value: no control characters but tab. */
  static String headerValue(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        throw new IllegalArgumentException("expected a header value without line breaks or control characters");
      }
    }
    return text.strip();
  }
}
