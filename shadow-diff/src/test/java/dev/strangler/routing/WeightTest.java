package dev.strangler.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Weights and sticky buckets: a fixed hash, an even split, and raising a weight never moves a user back. */
class WeightTest {
  private static final int USERS = 100_000;

  @Test
  void theHashIsMurmur3WithSeedZero() {
    assertThat(StickyBuckets.murmur3(new byte[0])).isZero();
    assertThat(StickyBuckets.murmur3("hello".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x248bfa47);
    assertThat(StickyBuckets.murmur3("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(0x2e4ff723);
  }

  @Test
  void bucketsAreFixedValuesNotSeededPerProcess() {
    assertThat(StickyBuckets.bucket("checkout", "user-1")).isEqualTo(StickyBuckets.bucket("checkout", "user-1"));
    int differ = 0;
    for (int i = 0; i < 100; i++) {
      if (StickyBuckets.bucket("a", "u" + i) != StickyBuckets.bucket("b", "u" + i)) {
        differ++;
      }
    }
    assertThat(differ).as("routes split their users independently").isGreaterThan(90);
  }

  @Test
  void aWeightServesThatShareOfUsersFromNew() {
    for (int weight : new int[] {1, 5, 20, 50, 99}) {
      int onNew = 0;
      for (int i = 0; i < USERS; i++) {
        if (new Weight(weight).sideOf(StickyBuckets.bucket("checkout", "session-" + i)) == Side.NEW) {
          onNew++;
        }
      }
      assertThat(100.0 * onNew / USERS).as("weight %d", weight).isCloseTo(weight, org.assertj.core.data.Offset.offset(0.5));
    }
  }

  @Test
  void raisingTheWeightOnlyMovesUsersFromLegacyToNew() {
    for (int i = 0; i < 20_000; i++) {
      int bucket = StickyBuckets.bucket("checkout", "session-" + i);
      Side before = Weight.LEGACY.sideOf(bucket);
      for (int w = 0; w <= 100; w++) {
        Side now = new Weight(w).sideOf(bucket);
        assertThat(before == Side.NEW && now == Side.LEGACY).as("user %d at weight %d", i, w).isFalse();
        before = now;
      }
      assertThat(Weight.LEGACY.sideOf(bucket)).isEqualTo(Side.LEGACY);
      assertThat(Weight.NEW.sideOf(bucket)).isEqualTo(Side.NEW);
    }
  }

  @Test
  void onlyOneToNinetyNineArePartialAndTheEndsArePlainSides() {
    assertThat(Weight.of(Side.LEGACY)).isEqualTo(new Weight(0));
    assertThat(Weight.of(Side.NEW)).isEqualTo(new Weight(100));
    assertThat(new Weight(0).partial()).isFalse();
    assertThat(new Weight(100).partial()).isFalse();
    assertThat(new Weight(1).partial()).isTrue();
    assertThat(new Weight(99).primary()).isEqualTo(Side.LEGACY);
    assertThat(new Weight(100).primary()).isEqualTo(Side.NEW);
    assertThatThrownBy(() -> new Weight(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Weight(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
