package dev.strangler.noise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.compare.DiffKind;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.CompareMode;
import dev.strangler.config.CoreSpec;
import dev.strangler.config.MaskConfig;
import dev.strangler.config.MatchConfig;
import dev.strangler.config.NoiseConfig;
import dev.strangler.config.RecordConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.config.ShadowConfig;
import dev.strangler.config.Timeouts;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.judge.Judge;
import dev.strangler.judge.Observation;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property, over seeded random documents: a path that differs between the sides but never within
 * one side is never noise, while paths that differ within one side are learned as noise. Each
 * trial draws a document schema (objects, arrays, leaves; names plain or quoted), picks noise
 * leaves (a fresh value on every answer) and one bug leaf (another value on the new side only),
 * teaches the model with same-side pairs, then judges cross-side pairs with and without the bug:
 * learning never counts the bug's path as differing, a record holding a diff at the bug's path
 * is always a diff, and (index by index, strict-order) a noise-only pair is noise.
 */
class NoisePropertyTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int TRIALS = 300;
  private static final int PAIRS = 25;

  /** A document schema: leaves numbered in order, arrays of one item schema. */
  private sealed interface Schema permits Leaf, Obj, Arr {}

  private record Leaf(int id) implements Schema {}

  private record Obj(Map<String, Schema> fields) implements Schema {}

  private record Arr(Schema item, int length) implements Schema {}

  private final List<String> shapes = new ArrayList<>();

  @Test
  void aPathThatDiffersOnlyBetweenTheSidesIsNeverNoise() {
    Random random = new Random(20261206L);
    int noiseRecords = 0;
    int bugRecords = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      shapes.clear();
      Schema schema = object(random, 0, "$");
      int bug = random.nextInt(shapes.size());
      String bugShape = shapes.get(bug);
      Set<Integer> noise = new HashSet<>();
      for (int i = 0; i < shapes.size(); i++) {
        if (i != bug && random.nextInt(3) == 0) {
          noise.add(i);
        }
      }
      boolean strict = random.nextBoolean();
      RouteConfig route = route(strict ? CompareMode.STRICT_ORDER : CompareMode.LENIENT);
      NoiseLearning learning = new NoiseLearning(new NoiseModel());
      for (int i = 0; i < PAIRS; i++) {
        assertThat(learning.learn(route, Side.LEGACY, answer(schema, noise, -1, random),
            answer(schema, noise, -1, random))).isTrue();
      }
      for (DiffKind kind : DiffKind.values()) {
        assertThat(learning.model().differed("r", new ShapeKind(bugShape, kind)))
            .as("trial %d: the bug's path %s never differs within one side", trial, bugShape).isZero();
      }
      Judge judge = new Judge(MaskConfig.none());
      DiscrepancyRecord withBug = learning.classify(route, judge.judge(route,
          observe(answer(schema, noise, -1, random), answer(schema, noise, bug, random))));
      boolean atBug = withBug.diffs().stream().anyMatch(d -> d.shape().equals(bugShape));
      assertThat(atBug || !strict).as("trial %d: %s", trial, withBug.diffs()).isTrue();
      if (atBug) {
        assertThat(withBug.outcome()).as("trial %d: %s", trial, withBug.diffs()).isEqualTo(Outcome.DIFF);
        bugRecords++;
      }
      DiscrepancyRecord noiseOnly = learning.classify(route, judge.judge(route,
          observe(answer(schema, noise, -1, random), answer(schema, noise, -1, random))));
      if (strict && !noiseOnly.diffs().isEmpty()) {
        assertThat(noiseOnly.outcome()).as("trial %d: %s", trial, noiseOnly.diffs()).isEqualTo(Outcome.NOISE);
        noiseRecords++;
      }
    }
    assertThat(bugRecords).as("trials whose bug showed at its path").isGreaterThan(TRIALS / 2);
    assertThat(noiseRecords).as("strict-order trials whose noise-only pair differed").isGreaterThan(TRIALS / 5);
  }

  private Schema object(Random random, int depth, String shape) {
    Map<String, Schema> fields = new LinkedHashMap<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      String name = "f" + i + (random.nextBoolean() ? "" : " x");
      fields.put(name, node(random, depth + 1, shape + (name.contains(" ") ? "['" + name + "']" : "." + name)));
    }
    return new Obj(fields);
  }

  private Schema node(Random random, int depth, String shape) {
    int pick = depth >= 3 ? 0 : random.nextInt(5);
    return switch (pick) {
      case 1 -> object(random, depth, shape);
      case 2 -> new Arr(random.nextBoolean() ? object(random, depth, shape + "[*]") : leaf(shape + "[*]"),
          1 + random.nextInt(3));
      default -> leaf(shape);
    };
  }

  private Leaf leaf(String shape) {
    shapes.add(shape);
    return new Leaf(shapes.size() - 1);
  }

  /** A rendering: noise leaves fresh, the bug leaf (when {@code bug >= 0}) marked, the rest fixed. */
  private static CapturedResponse answer(Schema schema, Set<Integer> noise, int bug, Random random) {
    byte[] body = render(schema, noise, bug, random, 0).toString().getBytes(StandardCharsets.UTF_8);
    return new CapturedResponse(200, List.of(Map.entry("Content-Type", "application/json")), body, 1);
  }

  private static JsonNode render(Schema s, Set<Integer> noise, int bug, Random random, int index) {
    if (s instanceof Leaf leaf) {
      if (leaf.id() == bug) {
        return NODES.textNode("bug-" + leaf.id() + "-" + index);
      }
      return noise.contains(leaf.id()) ? NODES.textNode("n-" + random.nextLong())
          : NODES.textNode("v-" + leaf.id() + "-" + index);
    }
    if (s instanceof Obj o) {
      ObjectNode out = NODES.objectNode();
      o.fields().forEach((k, v) -> out.set(k, render(v, noise, bug, random, index)));
      return out;
    }
    Arr a = (Arr) s;
    ArrayNode out = NODES.arrayNode();
    for (int i = 0; i < a.length(); i++) {
      out.add(render(a.item(), noise, bug, random, i));
    }
    return out;
  }

  private static Observation observe(CapturedResponse legacy, CapturedResponse fresh) {
    return new Observation("GET", "/r", "rid", Instant.EPOCH, Side.LEGACY, legacy, fresh, null, null);
  }

  private static RouteConfig route(CompareMode mode) {
    ShadowConfig shadow = new ShadowConfig(true, 1, Set.of("GET"), Duration.ofSeconds(1), 1 << 20, false, 256,
        new NoiseConfig(1.0, 20));
    return new RouteConfig("r", new MatchConfig("/**", Set.of(), null), Side.LEGACY, shadow,
        Map.of(Side.LEGACY, new CoreSpec.Json(""), Side.NEW, new CoreSpec.Json("")),
        new CompareConfig(mode, List.of(), List.of(), Map.of(), Map.of()), new RecordConfig(0),
        new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), 1, Map.of());
  }
}
