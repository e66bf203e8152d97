package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded random pairs of JSON documents for the differential test against JSONAssert: a legacy
 * document and a copy with 0 to 3 mutations (field removed, added or changed, type changed,
 * array shuffled, item removed or added; at any depth).
 *
 * <p>The legacy documents avoid the shapes where JSONAssert 1.5.3's verdict is not the
 * comparison it means to make, because matching those would mean copying its bugs:
 *
 * <ul>
 *   <li>No {@code null} inside arrays: comparing a {@code null} item with a non-null one makes
 *       JSONAssert throw a NullPointerException while describing the failure ({@code null} is
 *       still generated as a field value, and never mutated into an array).
 *   <li>An array's items share one schema (same fields, same kinds), and no array mixes scalars
 *       with containers. For mixed arrays JSONAssert's first-fit search counts a scalar as
 *       matched by identity without using up its partner (cached Integers and Booleans match
 *       twice); and first fit in lenient mode misses pairings when one legacy item is a subset
 *       of another ({@code [{a:1},{a:1,b:2}]} vs {@code [{a:1,b:2},{a:1}]} fails in JSONAssert,
 *       passes here). With items of one schema, no legacy item is a subset of another.
 *   <li>Decimals are never whole ({@code 2.5}, never {@code 2.0}): JSONAssert counts 1 and 1.0
 *       equal as field values but different as lenient array items or unique keys; here they
 *       are always equal.
 *   <li>Integers stay small: JSONAssert compares numbers as doubles, so integers beyond 2^53
 *       that differ pass there; here they are compared exactly.
 * </ul>
 *
 * Mutations only touch the new side, so the legacy side keeps these properties.
 */
final class RandomPairs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> NAMES =
      List.of("id", "name", "a", "b", "c", "tags", "items", "price", "meta", "x", "author", "text");
  private static final List<String> STRINGS =
      List.of("", "a", "b", "abc", "Ada L.", "é ü", "line\nbreak", "quote\"d", "1", "true", "null");
  private static final double[] FRACTIONS = {0.5, 0.25, 0.75, 0.1, 0.3, 0.125};

  private enum Scalar { INT, DECIMAL, STRING, BOOLEAN, ANY }

  /** A value schema: an object's fields, an array's item, or a scalar kind. */
  private record Schema(List<String> names, List<Schema> fields, Schema item, Scalar scalar) {}

  /** A place in a document: a field of an object or an item of an array. */
  private record Place(JsonNode parent, String name, int index) {
    JsonNode value() {
      return name != null ? parent.get(name) : parent.get(index);
    }

    void set(JsonNode value) {
      if (name != null) {
        ((ObjectNode) parent).set(name, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }

    boolean inArray() {
      return name == null;
    }
  }

  private final Random random;

  RandomPairs(long seed) {
    this.random = new Random(seed);
  }

  /** The next pair: legacy first, new second. */
  List<JsonNode> next() {
    Schema schema = objectSchema(0);
    ObjectNode legacy = (ObjectNode) value(schema, false);
    JsonNode fresh = legacy.deepCopy();
    int mutations = random.nextInt(100) < 15 ? 0 : 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      mutate(fresh);
    }
    return List.of(legacy, fresh);
  }

  private Schema schema(int depth) {
    int roll = random.nextInt(10);
    if (depth < 3 && roll < 3) {
      return objectSchema(depth + 1);
    }
    if (depth < 3 && roll < 6) {
      return new Schema(null, null, schema(depth + 1), null);
    }
    return new Schema(null, null, null, Scalar.values()[random.nextInt(Scalar.values().length)]);
  }

  private Schema objectSchema(int depth) {
    List<String> names = new ArrayList<>(NAMES);
    Collections.shuffle(names, random);
    names = names.subList(0, random.nextInt(depth == 0 ? 3 : 0, 6));
    List<Schema> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      fields.add(schema(depth));
    }
    return new Schema(List.copyOf(names), fields, null, null);
  }

  private JsonNode value(Schema schema, boolean nullable) {
    if (nullable && random.nextInt(12) == 0) {
      return NODES.nullNode();
    }
    if (schema.names() != null) {
      ObjectNode object = NODES.objectNode();
      for (int i = 0; i < schema.names().size(); i++) {
        object.set(schema.names().get(i), value(schema.fields().get(i), true));
      }
      return object;
    }
    if (schema.item() != null) {
      ArrayNode array = NODES.arrayNode();
      int size = random.nextInt(7);
      for (int i = 0; i < size; i++) {
        array.add(value(schema.item(), false));
      }
      return array;
    }
    return scalar(schema.scalar());
  }

  private JsonNode scalar(Scalar kind) {
    return switch (kind) {
      case INT -> NODES.numberNode(random.nextInt(4) == 0 ? random.nextInt(-1000, 1000) : random.nextInt(6));
      case DECIMAL -> NODES.numberNode(random.nextInt(-20, 20) + FRACTIONS[random.nextInt(FRACTIONS.length)]);
      case STRING -> NODES.textNode(STRINGS.get(random.nextInt(STRINGS.size())));
      case BOOLEAN -> NODES.booleanNode(random.nextBoolean());
      case ANY -> scalar(Scalar.values()[random.nextInt(Scalar.ANY.ordinal())]);
    };
  }

  private void mutate(JsonNode root) {
    List<Place> places = new ArrayList<>();
    collect(root, places);
    List<JsonNode> containers = new ArrayList<>();
    containers.add(root);
    places.stream().map(Place::value).filter(JsonNode::isContainerNode).forEach(containers::add);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    switch (random.nextInt(8)) {
      case 0 -> removeField(target);
      case 1 -> addField(target);
      case 2, 3 -> {
        if (!places.isEmpty()) {
          changeValue(places.get(random.nextInt(places.size())));
        }
      }
      case 4 -> {
        if (!places.isEmpty()) {
          changeType(places.get(random.nextInt(places.size())));
        }
      }
      case 5 -> shuffle(target);
      case 6 -> removeItem(target);
      default -> addItem(target);
    }
  }

  private void collect(JsonNode node, List<Place> places) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> {
        places.add(new Place(node, name, -1));
        collect(node.get(name), places);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        places.add(new Place(node, null, i));
        collect(node.get(i), places);
      }
    }
  }

  private void removeField(JsonNode target) {
    if (target.isObject() && target.size() > 0) {
      List<String> names = new ArrayList<>();
      target.fieldNames().forEachRemaining(names::add);
      ((ObjectNode) target).remove(names.get(random.nextInt(names.size())));
    }
  }

  private void addField(JsonNode target) {
    if (target.isObject()) {
      String name = "extra" + random.nextInt(3);
      if (!target.has(name)) {
        ((ObjectNode) target).set(name, random.nextBoolean() ? scalar(Scalar.ANY) : NODES.objectNode().put("z", 1));
      }
    }
  }

  private void changeValue(Place place) {
    JsonNode old = place.value();
    if (old.isInt()) {
      place.set(NODES.numberNode(old.intValue() + 1 + random.nextInt(3)));
    } else if (old.isDouble()) {
      place.set(NODES.numberNode(old.doubleValue() + 1));
    } else if (old.isTextual()) {
      place.set(NODES.textNode(old.textValue() + "!"));
    } else if (old.isBoolean()) {
      place.set(NODES.booleanNode(!old.booleanValue()));
    }
  }

  private void changeType(Place place) {
    JsonNode old = place.value();
    List<JsonNode> options = new ArrayList<>(List.of(
        NODES.numberNode(3), NODES.textNode("3"), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode()));
    if (!place.inArray()) {
      options.add(NODES.nullNode());
    }
    options.removeIf(o -> o.getNodeType() == old.getNodeType());
    place.set(options.get(random.nextInt(options.size())));
  }

  private void shuffle(JsonNode target) {
    if (target.isArray() && target.size() > 1) {
      List<JsonNode> items = new ArrayList<>();
      target.forEach(items::add);
      Collections.shuffle(items, random);
      ((ArrayNode) target).removeAll().addAll(items);
    }
  }

  private void removeItem(JsonNode target) {
    if (target.isArray() && target.size() > 0) {
      ((ArrayNode) target).remove(random.nextInt(target.size()));
    }
  }

  private void addItem(JsonNode target) {
    if (target.isArray()) {
      JsonNode item = target.size() > 0 ? target.get(random.nextInt(target.size())).deepCopy() : scalar(Scalar.ANY);
      ((ArrayNode) target).insert(random.nextInt(target.size() + 1), item);
    }
  }
}
