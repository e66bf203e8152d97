package dev.strangler.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The entries of one routes.yaml mapping, in file order, with typed and located access. */
final class Fields {
  /** One entry; the key node locates messages about the key itself. */
  record Field(String key, ScalarNode keyNode, Node value) {}

  private final NodeReader nodes;
  private final MappingNode node;
  private final String where;
  private final Map<String, Field> fields;

  Fields(NodeReader nodes, MappingNode node, String where, Map<String, Field> fields) {
    this.nodes = nodes;
    this.node = node;
    this.where = where;
    this.fields = fields;
  }

  MappingNode node() {
    return node;
  }

  String where() {
    return where;
  }

  Collection<Field> all() {
    return fields.values();
  }

  /** Refuses any key not in {@code allowed}, pointing at the key. */
  Fields only(List<String> allowed) throws ConfigException {
    for (Field f : fields.values()) {
      if (!allowed.contains(f.key())) {
        throw nodes.error(f.keyNode(), "unknown key '" + f.key() + "' " + NodeReader.in(where)
            + "; expected one of: " + String.join(", ", allowed));
      }
    }
    return this;
  }

  /** How messages name the value of {@code key}. */
  String what(String key) {
    return "'" + key + "' " + NodeReader.in(where);
  }

  Optional<Node> node(String key) {
    return Optional.ofNullable(fields.get(key)).map(Field::value);
  }

  Node require(String key) throws ConfigException {
    Field f = fields.get(key);
    if (f == null) {
      throw nodes.error(node, "missing required key '" + key + "' " + NodeReader.in(where));
    }
    return f.value();
  }

  /** A required scalar, typed. */
  <T> T required(String key, Function<String, T> parse) throws ConfigException {
    return nodes.value(require(key), what(key), parse);
  }

  /** An optional scalar, typed; {@code fallback} when the key is absent. */
  <T> T value(String key, T fallback, Function<String, T> parse) throws ConfigException {
    Field f = fields.get(key);
    return f == null ? fallback : nodes.value(f.value(), what(key), parse);
  }

  /** An optional list of scalars, each typed; {@code fallback} when the key is absent. */
  <T> List<T> list(String key, List<T> fallback, Function<String, T> parse)
      throws ConfigException {
    Field f = fields.get(key);
    if (f == null) {
      return fallback;
    }
    List<T> items = new ArrayList<>();
    for (Node item : nodes.list(f.value(), what(key))) {
      items.add(nodes.value(item, "an item of " + what(key), parse));
    }
    return items;
  }

  /** Like {@link #list}, but a list given must have items ({@code example} shows some). */
  <T> List<T> nonEmptyList(String key, List<T> fallback, Function<String, T> parse, String example)
      throws ConfigException {
    List<T> items = list(key, fallback, parse);
    if (items.isEmpty() && fields.containsKey(key)) {
      throw nodes.error(fields.get(key).value(),
          what(key) + " is an empty list; expected at least one item, like " + example);
    }
    return items;
  }

  /** An optional nested mapping restricted to {@code allowed} keys, named {@code subWhere}. */
  Optional<Fields> section(String key, String subWhere, List<String> allowed)
      throws ConfigException {
    Field f = fields.get(key);
    return f == null ? Optional.empty() : Optional.of(nodes.fields(f.value(), subWhere, allowed));
  }
}
