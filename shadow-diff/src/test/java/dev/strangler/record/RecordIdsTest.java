package dev.strangler.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

  @Test
  void idsSortByTime() {
    List<String> ids = new ArrayList<>();
    long[] times = {1_700_000_000_000L, 1_700_000_000_001L, 1_700_000_060_000L, 1_800_000_000_000L};
    for (long t : times) {
      ids.add(RecordIds.next(t));
    }
    assertThat(ids).isSorted();
    assertThat(ids).allSatisfy(id -> assertThat(id).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]+"));
  }

  @Test
  void idsOfTheSameMillisecondAreDistinctAndInOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(RecordIds.next(1_750_000_000_000L));
    }
    assertThat(ids).isSorted();
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    assertThat(ids.get(0).substring(0, 10)).isEqualTo(ids.get(9_999).substring(0, 10));
  }

  @Test
  void theTimePartEncodesTheMilliseconds() {
    assertThat(RecordIds.next(0L)).startsWith("0000000000");
    assertThat(RecordIds.next(1L)).startsWith("0000000001");
    assertThat(RecordIds.next(32L)).startsWith("0000000010");
  }
}
