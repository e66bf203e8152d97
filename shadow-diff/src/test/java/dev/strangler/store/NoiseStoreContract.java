package dev.strangler.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.compare.DiffKind;
import dev.strangler.noise.NoiseCounts;
import dev.strangler.noise.NoiseModel;
import dev.strangler.noise.ShapeKind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The noise store on every backend: counts are added, never replaced, and read back whole. */
abstract class NoiseStoreContract {
  protected abstract String freshUrl() throws Exception;

  @Test
  void countsAddUpAcrossWritersAndReopens() throws Exception {
    String url = freshUrl();
    ShapeKind id = new ShapeKind("$.id", DiffKind.CHANGED);
    ShapeKind tag = new ShapeKind("$['odd key'][*]", DiffKind.MISSING);
    try (NoiseStore a = NoiseStore.open(url); NoiseStore b = NoiseStore.open(url)) {
      a.add(Map.of("r", new NoiseCounts(3, Map.of("$", 3L, "$.id", 3L), Map.of(id, 2L))));
      b.add(Map.of("r", new NoiseCounts(2, Map.of("$.id", 2L, "$['odd key'][*]", 1L), Map.of(id, 2L, tag, 1L)),
          "other", new NoiseCounts(1, Map.of(), Map.of())));
    }
    try (NoiseStore again = NoiseStore.open(url)) {
      Map<String, NoiseCounts> all = again.load();
      assertThat(all).containsOnlyKeys("r", "other");
      NoiseCounts r = all.get("r");
      assertThat(r.observations()).isEqualTo(5);
      assertThat(r.observed()).containsOnly(Map.entry("$", 3L), Map.entry("$.id", 5L), Map.entry("$['odd key'][*]", 1L));
      assertThat(r.differed()).containsOnly(Map.entry(id, 4L), Map.entry(tag, 1L));
    }
  }

  @Test
  void aModelSeesItsOwnCountsWhileTheyAreWrittenAndTheFleetsAfter() throws Exception {
    String url = freshUrl();
    ShapeKind at = new ShapeKind("$.at", DiffKind.CHANGED);
    try (NoiseStore store = NoiseStore.open(url)) {
      store.add(Map.of("r", new NoiseCounts(10, Map.of("$.at", 10L), Map.of(at, 10L))));
      NoiseModel model = new NoiseModel();
      model.stored(store.load());
      model.observe("r", Set.of("$.at"), Set.of(at));
      Map<String, NoiseCounts> taken = model.takePending();
      assertThat(model.observed("r", "$.at")).as("while being written").isEqualTo(11);
      store.add(taken);
      model.stored(store.load());
      assertThat(model.counts("r").observations()).isEqualTo(11);
      assertThat(model.differed("r", at)).isEqualTo(11);
      model.observe("r", Set.of("$.at"), Set.of());
      model.takePending();
      model.unstored();
      assertThat(model.observed("r", "$.at")).as("a failed write is kept for the next").isEqualTo(12);
      assertThat(model.takePending().get("r").observations()).isEqualTo(1);
    }
  }
}
