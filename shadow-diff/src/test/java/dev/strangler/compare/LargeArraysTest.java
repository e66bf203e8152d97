package dev.strangler.compare;

import static dev.strangler.compare.Docs.diff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.CompareMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Arrays of 100,000 items compare correctly as multisets and by key (the pairing is near-linear). */
class LargeArraysTest {
  private static final int SIZE = 100_000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static ObjectNode comment(int i) {
    return NODES.objectNode().put("id", i).put("author", "user" + (i % 500)).put("text", "comment " + i).put("likes", i % 7);
  }

  private static ObjectNode document(List<ObjectNode> comments) {
    ObjectNode doc = NODES.objectNode();
    doc.putArray("comments").addAll(comments);
    return doc;
  }

  private static List<ObjectNode> comments() {
    List<ObjectNode> comments = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      comments.add(comment(i));
    }
    return comments;
  }

  private static List<ObjectNode> shuffledCopy(List<ObjectNode> comments) {
    List<ObjectNode> copy = new ArrayList<>();
    comments.forEach(c -> copy.add(c.deepCopy()));
    Collections.shuffle(copy, new Random(42));
    return copy;
  }

  private static int positionOf(List<ObjectNode> comments, int id) {
    for (int i = 0; i < comments.size(); i++) {
      if (comments.get(i).get("id").intValue() == id) {
        return i;
      }
    }
    throw new AssertionError("no comment " + id);
  }

  @Test
  void shuffledUnorderedArrayMatches() {
    List<ObjectNode> legacy = comments();
    CoreComparator lenient = new CoreComparator(Docs.mode(CompareMode.LENIENT));
    assertThat(lenient.compare(document(legacy), document(shuffledCopy(legacy)))).isEmpty();
  }

  @Test
  void shuffledUnorderedArrayReportsChangedAndRemovedItemsAgainstTheirCounterparts() {
    List<ObjectNode> legacy = comments();
    List<ObjectNode> fresh = shuffledCopy(legacy);
    fresh.get(positionOf(fresh, 70_001)).put("text", "edited");
    fresh.remove(positionOf(fresh, 99_998));
    fresh.add(positionOf(fresh, 5), comment(99_998).put("likes", 100));
    fresh.remove(positionOf(fresh, 12_345));
    List<Diff> diffs = new CoreComparator(Docs.mode(CompareMode.NON_EXTENSIBLE))
        .compare(document(legacy), document(fresh));
    assertThat(diffs).containsExactly(
        diff("$.comments[12345]", DiffKind.MISSING, comment(12_345).toString(), null),
        diff("$.comments[70001].text", DiffKind.CHANGED, "'comment 70001'", "'edited'"),
        diff("$.comments[99998].likes", DiffKind.CHANGED, "3", "100"));
  }

  @Test
  void everyItemChangedInAShuffledArrayIsReportedAgainstItsCounterpart() {
    List<ObjectNode> legacy = comments();
    List<ObjectNode> fresh = shuffledCopy(legacy);
    fresh.forEach(c -> c.put("text", c.get("text").textValue() + "!"));
    List<Diff> diffs = new CoreComparator(Docs.mode(CompareMode.LENIENT)).compare(document(legacy), document(fresh));
    assertThat(diffs).hasSize(SIZE);
    assertThat(diffs).allSatisfy(d -> {
      assertThat(d.shape()).isEqualTo("$.comments[*].text");
      assertThat(d.fresh().textValue()).isEqualTo(d.legacy().textValue() + "!");
    });
  }

  @Test
  void newItemsWithAddedFieldsPairInLenientMode() {
    List<ObjectNode> legacy = comments();
    List<ObjectNode> fresh = shuffledCopy(legacy);
    fresh.forEach(c -> c.put("createdAt", "2026-01-01"));
    assertThat(new CoreComparator(Docs.mode(CompareMode.LENIENT)).compare(document(legacy), document(fresh))).isEmpty();
  }

  @Test
  void shuffledScalarsWithDuplicatesMatchAsAMultiset() {
    ArrayNode legacy = NODES.arrayNode();
    List<JsonNode> values = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      values.add(NODES.numberNode(i % 1000));
    }
    legacy.addAll(values);
    Collections.shuffle(values, new Random(7));
    ArrayNode fresh = NODES.arrayNode().addAll(values);
    CompareConfig rules = new CompareConfig(CompareMode.STRICT, List.of(), List.of("$"), Map.of(), Map.of());
    CoreComparator comparator = new CoreComparator(rules);
    assertThat(comparator.compare(legacy, fresh)).isEmpty();
    fresh.set(positionOf(fresh, 999), NODES.numberNode(1000));
    List<Diff> diffs = comparator.compare(legacy, fresh);
    assertThat(diffs).as("one of the hundred 999s is left without a partner")
        .extracting(Diff::kind, Diff::shape, Diff::legacy, Diff::fresh)
        .containsExactly(tuple(DiffKind.CHANGED, "$[*]", NODES.numberNode(999), NODES.numberNode(1000)));
  }

  private static int positionOf(ArrayNode values, int value) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).intValue() == value) {
        return i;
      }
    }
    throw new AssertionError("no " + value);
  }

  @Test
  void keyedArrayReportsChangedMissingAndExtraItemsByKey() {
    List<ObjectNode> legacy = comments();
    List<ObjectNode> fresh = shuffledCopy(legacy);
    fresh.get(positionOf(fresh, 777)).put("text", "edited");
    fresh.remove(positionOf(fresh, 54_321));
    fresh.add(positionOf(fresh, 3), comment(SIZE));
    CompareConfig rules = new CompareConfig(CompareMode.STRICT, List.of(), List.of(), Map.of("$.comments", "id"), Map.of());
    List<Diff> diffs = new CoreComparator(rules).compare(document(legacy), document(fresh));
    assertThat(diffs).containsExactly(
        diff("$.comments[id=777].text", DiffKind.CHANGED, "'comment 777'", "'edited'"),
        diff("$.comments[id=54321]", DiffKind.MISSING, comment(54_321).toString(), null),
        diff("$.comments[id=100000]", DiffKind.UNEXPECTED, null, comment(SIZE).toString()));
  }

  @Test
  void keyedArrayShuffledWithOneChangedItemReportsItAtItsKey() {
    List<ObjectNode> legacy = comments();
    List<ObjectNode> fresh = shuffledCopy(legacy);
    CompareConfig rules = new CompareConfig(CompareMode.STRICT, List.of(), List.of(), Map.of("$.comments", "id"), Map.of());
    CoreComparator comparator = new CoreComparator(rules);
    assertThat(comparator.compare(document(legacy), document(fresh))).isEmpty();
    fresh.get(positionOf(fresh, 4242)).put("likes", 99);
    assertThat(comparator.compare(document(legacy), document(fresh)))
        .containsExactly(diff("$.comments[id=4242].likes", DiffKind.CHANGED, String.valueOf(4242 % 7), "99"));
    fresh.get(positionOf(fresh, 4242)).put("id", -4242);
    assertThat(comparator.compare(document(legacy), document(fresh))).extracting(Diff::path)
        .containsExactly("$.comments[id=4242]", "$.comments[id=-4242]");
  }
}
