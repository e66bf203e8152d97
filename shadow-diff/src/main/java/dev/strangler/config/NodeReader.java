package dev.strangler.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads composed YAML nodes of one routes.yaml: checks each node's kind, expands environment
 * references in scalars and turns every problem into a {@link ConfigException} at the node.
 * {@code what} arguments name the value in messages, like {@code 'connect' in defaults.timeouts}.
 */
final class NodeReader {
  private final Path file;
  private final Map<String, String> env;

  NodeReader(Path file, Map<String, String> env) {
    this.file = file;
    this.env = env;
  }

  /** An error located at the start of a node. */
  ConfigException error(Node at, String reason) {
    Mark mark = at.getStartMark();
    return new ConfigException(file, mark.getLine() + 1, mark.getColumn() + 1, reason);
  }

  /** A mapping with distinct plain keys; {@code where} names it in messages. */
  Fields mapping(Node node, String where) throws ConfigException {
    if (!(node instanceof MappingNode map)) {
      throw error(node, where + " must be a mapping of keys to values, but " + describe(node));
    }
    Map<String, Fields.Field> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        throw error(tuple.getKeyNode(), "keys in " + where + " must be plain names, but this key "
            + describe(tuple.getKeyNode()).substring("it ".length()));
      }
      String key = EnvSubstitution.unshield(keyNode.getValue());
      if (fields.containsKey(key)) {
        throw error(keyNode, "duplicate key '" + key + "' " + in(where) + "; each key may appear once");
      }
      fields.put(key, new Fields.Field(key, keyNode, tuple.getValueNode()));
    }
    return new Fields(this, map, where, fields);
  }

  /** A mapping whose keys must all be among {@code allowed}. */
  Fields fields(Node node, String where, List<String> allowed) throws ConfigException {
    return mapping(node, where).only(allowed);
  }

  /** The raw text of a mapping's scalar entry, if there is one (to name things in messages). */
  Optional<String> peek(Node node, String key) {
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
            && tuple.getValueNode() instanceof ScalarNode v) {
          return Optional.of(v.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** The items of a list. */
  List<Node> list(Node node, String what) throws ConfigException {
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, what + " must be a list, like [a, b], but " + describe(node));
    }
    return seq.getValue();
  }

  /** The text of a scalar with environment references expanded; a YAML null reads as "". */
  String text(Node node, String what) throws ConfigException {
    if (!(node instanceof ScalarNode scalar)) {
      throw error(node, what + " must be a single value, but " + describe(node));
    }
    if (Tag.NULL.equals(scalar.getTag())) {
      return "";
    }
    try {
      return EnvSubstitution.expand(EnvSubstitution.unshield(scalar.getValue()), env);
    } catch (IllegalArgumentException e) {
      throw error(node, e.getMessage() + " (in " + what + ")");
    }
  }

  /** A scalar's text typed by {@code parse}, whose IllegalArgumentException says what is expected. */
  <T> T value(Node node, String what, Function<String, T> parse) throws ConfigException {
    return parse(node, text(node, what), what, parse);
  }

  /** Types a text read from {@code node} (a value or a key). */
  <T> T parse(Node node, String text, String what, Function<String, T> parse)
      throws ConfigException {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw error(node, "'" + text + "' is not valid for " + what + ": " + e.getMessage());
    }
  }

  /** Places a mapping in a sentence: "in defaults.shadow", "at the top level". */
  static String in(String where) {
    return (where.equals(ConfigLoader.TOP_LEVEL) ? "at " : "in ") + where;
  }

  private static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "it is a mapping";
    }
    if (node instanceof SequenceNode) {
      return "it is a list";
    }
    if (Tag.NULL.equals(node.getTag())) {
      return "it is empty";
    }
    return "it is the single value '" + EnvSubstitution.unshield(((ScalarNode) node).getValue()) + "'";
  }
}
