package dev.strangler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.routing.Side;
import dev.strangler.routing.Weight;
import dev.strangler.store.AuditEntry.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Weights in the state store, on every backend: stored, audited, expected, replaced by a cutover. */
abstract class WeightStoreContract {

  /** A JDBC URL of a new, empty database. */
  protected abstract String freshUrl() throws Exception;

  @Test
  void aWeightIsStoredAuditedAndSurvivesReopen() throws Exception {
    String url = freshUrl();
    AuditEntry entry;
    try (StateStore store = StateStore.open(url)) {
      entry = store.recordWeight(new WeightChange("checkout", new Weight(20), null, "canary", "ops", "edge-a"),
          Side.LEGACY);
      assertThat(entry).extracting(AuditEntry::seq, AuditEntry::action, AuditEntry::fromWeight, AuditEntry::toWeight,
              AuditEntry::from, AuditEntry::to, AuditEntry::reason, AuditEntry::actor, AuditEntry::instance)
          .containsExactly(1L, Action.WEIGHT, Weight.LEGACY, new Weight(20), Side.LEGACY, Side.LEGACY, "canary", "ops",
              "edge-a");
    }
    try (StateStore store = StateStore.open(url)) {
      assertThat(store.overrides()).isEqualTo(Map.of("checkout", new Weight(20)));
      assertThat(store.audit(0, 10)).containsExactly(entry);
    }
  }

  @Test
  void aCutoverAfterAWeightReplacesItAndItsEntrySaysFromWhat() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      store.recordWeight(new WeightChange("checkout", new Weight(20), null, "canary", "ops", null), Side.LEGACY);
      AuditEntry flip = store.recordCutover(new Flip("checkout", Side.NEW, null, "done", "ops", null), Side.LEGACY);

      assertThat(flip).extracting(AuditEntry::action, AuditEntry::fromWeight, AuditEntry::toWeight)
          .containsExactly(Action.CUTOVER, new Weight(20), Weight.NEW);
      assertThat(store.overrides()).isEqualTo(Map.of("checkout", Weight.NEW));
      assertThat(store.audit(0, 10)).extracting(AuditEntry::action).containsExactly(Action.WEIGHT, Action.CUTOVER);
    }
  }

  @Test
  void aWeightOfZeroOrHundredIsTheSameStateAsACutover() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      store.recordWeight(new WeightChange("a", Weight.NEW, null, "all in", "ops", null), Side.LEGACY);
      store.recordCutover(new Flip("b", Side.NEW, null, "all in", "ops", null), Side.LEGACY);
      assertThat(store.overrides()).isEqualTo(Map.of("a", Weight.NEW, "b", Weight.NEW));

      AuditEntry back = store.recordCutover(new Flip("a", Side.LEGACY, Side.NEW, "back", "ops", null), Side.LEGACY);
      assertThat(back.fromWeight()).isEqualTo(Weight.NEW);
    }
  }

  @Test
  void anExpectedWeightThatIsNotInForceIsAConflictAndStoresNothing() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      store.recordWeight(new WeightChange("checkout", new Weight(20), Weight.LEGACY, "canary", "ops", null),
          Side.LEGACY);

      assertThatThrownBy(() -> store.recordWeight(
              new WeightChange("checkout", new Weight(50), new Weight(10), "more", "ops", null), Side.LEGACY))
          .isInstanceOfSatisfying(CutoverConflict.class, e -> {
            assertThat(e.weight()).isEqualTo(new Weight(20));
            assertThat(e.primary()).isEqualTo(Side.LEGACY);
            assertThat(e.seq()).isEqualTo(1);
          });
      assertThatThrownBy(() -> store.recordCutover(
              new Flip("checkout", Side.NEW, Side.LEGACY, "a partial weight is not legacy", "ops", null), Side.LEGACY))
          .isInstanceOf(CutoverConflict.class);
      assertThat(store.overrides()).isEqualTo(Map.of("checkout", new Weight(20)));
      assertThat(store.audit(0, 10)).hasSize(1);

      store.recordWeight(new WeightChange("checkout", new Weight(50), new Weight(20), "more", "ops", null),
          Side.LEGACY);
      assertThat(store.overrides()).isEqualTo(Map.of("checkout", new Weight(50)));
    }
  }
}
