package dev.strangler.config;

import dev.strangler.routing.PathTemplate;
import dev.strangler.routing.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code routes} list: ids unique, templates compiled, defaults merged in. */
final class RouteReader {
  private static final List<String> KEYS =
      List.of("id", "match", "primary", "shadow", "core", "compare", "record", "timeouts", "rewrite",
          "guard", "sticky");
  private static final List<String> MATCH_KEYS = List.of("path", "methods", "host");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

  private final NodeReader nodes;
  private final Defaults defaults;
  private final OverridesReader overrides;
  private final CoreSpecReader core;
  private final CompareReader compare;
  private final RewriteReader rewrite;
  private final GuardReader guard;
  private final Map<String, Integer> lineById = new HashMap<>();

  RouteReader(NodeReader nodes, Defaults defaults) {
    this.nodes = nodes;
    this.defaults = defaults;
    this.overrides = new OverridesReader(nodes);
    this.core = new CoreSpecReader(nodes);
    this.compare = new CompareReader(nodes);
    this.rewrite = new RewriteReader(nodes);
    this.guard = new GuardReader(nodes);
  }

  List<RouteConfig> readAll(Node node) throws ConfigException {
    List<Node> items = nodes.list(node, "'routes' at the top level");
    if (items.isEmpty()) {
      throw nodes.error(node, "'routes' at the top level is an empty list;"
          + " expected at least one route (usually ending with a catch-all path \"/**\")");
    }
    List<RouteConfig> routes = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      routes.add(read(items.get(i), i + 1));
    }
    return routes;
  }

  private RouteConfig read(Node node, int number) throws ConfigException {
    String where = nodes.peek(node, "id")
        .filter(ID.asMatchPredicate())
        .map(id -> "route '" + id + "'")
        .orElse("route #" + number);
    Fields f = nodes.fields(node, where, KEYS);
    String id = f.required("id", RouteReader::id);
    int line = node.getStartMark().getLine() + 1;
    Integer first = lineById.putIfAbsent(id, line);
    if (first != null) {
      throw nodes.error(f.require("id"),
          "duplicate route id '" + id + "'; the route at line " + first + " already has it");
    }
    MatchConfig match = match(nodes.fields(f.require("match"), "match of " + where, MATCH_KEYS));
    return new RouteConfig(
        id,
        match,
        f.required("primary", RouteReader::side),
        overrides.shadow(f.node("shadow"), "shadow of " + where, defaults.shadow()),
        f.node("core").isPresent() ? core.read(f.node("core").get(), where) : Map.of(),
        f.node("compare").isPresent() ? compare.read(f.node("compare").get(), where)
            : CompareConfig.lenient(),
        record(f, where),
        overrides.timeouts(f.node("timeouts"), "timeouts of " + where, defaults.timeouts()),
        line,
        f.node("rewrite").isPresent() ? rewrite.read(f.node("rewrite").get(), where, match.path()) : Map.of(),
        guard.read(f, "guard of " + where, defaults.guard()),
        sticky(f, where));
  }

  /** {@code sticky: {cookie: NAME}} or {@code {header: NAME}}; the client address when absent. */
  private StickyConfig sticky(Fields route, String where) throws ConfigException {
    var section = route.section("sticky", "sticky of " + where, List.of("cookie", "header"));
    if (section.isEmpty()) {
      return StickyConfig.ADDRESS;
    }
    Fields f = section.get();
    if (f.all().size() != 1) {
      throw nodes.error(f.node(), "sticky of " + where + " takes exactly one of cookie, header,"
          + " like {cookie: session}");
    }
    String kind = f.all().iterator().next().key();
    String name = f.required(kind, RouteReader::token);
    return new StickyConfig(
        kind.equals("cookie") ? StickyConfig.Kind.COOKIE : StickyConfig.Kind.HEADER, name);
  }

  static String token(String text) {
    if (text.isEmpty() || !text.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
      throw new IllegalArgumentException("expected a cookie or header name, like session");
    }
    return text;
  }

  private MatchConfig match(Fields f) throws ConfigException {
    return new MatchConfig(
        f.required("path", RouteReader::pathTemplate),
        Set.copyOf(f.nonEmptyList("methods", List.of(), Values::method, "[GET, HEAD]")),
        f.value("host", null, Values::host));
  }

  private RecordConfig record(Fields route, String where) throws ConfigException {
    var section = route.section("record", "record of " + where, List.of("sample"));
    return new RecordConfig(section.isEmpty() ? 0 : section.get().value("sample", 0.0, Values::sample));
  }

  static String id(String text) {
    if (!ID.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "expected letters, digits, '.', '_' and '-' only, like post-read");
    }
    return text;
  }

  static Side side(String text) {
    return Side.parse(text.strip())
        .orElseThrow(() -> new IllegalArgumentException("expected legacy or new"));
  }

  static String pathTemplate(String text) {
    PathTemplate.compile(text);
    return text;
  }
}
