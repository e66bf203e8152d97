package dev.strangler.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.config.CompareMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.json.JSONException;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONCompare;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.JSONCompareResult;

/**
 * Differential test: on a seeded corpus of random document pairs ({@link RandomPairs}, which
 * also lists the JSONAssert quirks left out of it), {@link CoreComparator} without extension
 * rules finds no diff exactly when JSONAssert 1.5.3 passes, in each of the four modes.
 */
class JsonAssertParityTest {
  /** Deeper runs: {@code -Dparity.pairs=100000 -Dparity.seed=7}. */
  private static final long SEED = Long.getLong("parity.seed", 20_261_125L);
  private static final int PAIRS = Integer.getInteger("parity.pairs", 1_000);

  @Test
  void verdictsMatchJsonAssertInEveryMode() throws JSONException {
    Map<CompareMode, CoreComparator> comparators = new EnumMap<>(CompareMode.class);
    Map<CompareMode, int[]> passes = new EnumMap<>(CompareMode.class);
    for (CompareMode mode : CompareMode.values()) {
      comparators.put(mode, new CoreComparator(Docs.mode(mode)));
      passes.put(mode, new int[1]);
    }
    RandomPairs pairs = new RandomPairs(SEED);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      List<JsonNode> pair = pairs.next();
      String legacy = pair.get(0).toString();
      String fresh = pair.get(1).toString();
      for (CompareMode mode : CompareMode.values()) {
        List<Diff> diffs = comparators.get(mode).compare(Docs.tape(legacy), Docs.tape(fresh));
        JSONCompareResult theirs = JSONCompare.compareJSON(legacy, fresh, JSONCompareMode.valueOf(mode.name()));
        if (diffs.isEmpty() != theirs.passed()) {
          disagreements.add("pair " + i + " " + mode + "\n  legacy " + legacy + "\n  new    " + fresh
              + "\n  ours   " + diffs + "\n  theirs " + theirs.getMessage());
        }
        if (theirs.passed()) {
          passes.get(mode)[0]++;
        }
      }
    }
    assertThat(disagreements).as("pairs where the verdicts differ").isEmpty();
    passes.forEach((mode, passed) -> assertThat(passed[0])
        .as("passing pairs in %s (the corpus must exercise both verdicts)", mode)
        .isBetween(PAIRS / 10, PAIRS - PAIRS / 10));
  }
}
