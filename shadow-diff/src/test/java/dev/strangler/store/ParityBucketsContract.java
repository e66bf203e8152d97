package dev.strangler.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.store.ParityBuckets.Bucket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parity buckets: two writers add to one minute, a reopened store keeps them, pruning drops the old. */
abstract class ParityBucketsContract {
  /** A URL of an empty database. */
  protected abstract String freshUrl() throws Exception;

  @Test
  void writersAddToSharedMinutesThatSurviveAReopenUntilPruned() throws Exception {
    String url = freshUrl();
    Instant t = Instant.parse("2026-12-06T12:00:42.500Z");
    Instant minute = Instant.parse("2026-12-06T12:00:00Z");
    assertThat(ParityBuckets.minuteOf(t)).isEqualTo(minute);
    try (ParityBuckets a = ParityBuckets.open(url); ParityBuckets b = ParityBuckets.open(url)) {
      a.add(List.of(new Bucket("orders", t, 3, 4), new Bucket("orders", t.minusSeconds(3600), 1, 1)));
      b.add(List.of(new Bucket("orders", t.plusSeconds(5), 1, 2), new Bucket("other", t, 0, 1)));
      a.add(List.of());
    }
    try (ParityBuckets reopened = ParityBuckets.open(url)) {
      assertThat(reopened.since("orders", minute.minusSeconds(7200))).containsExactly(
          new Bucket("orders", minute.minusSeconds(3600), 1, 1), new Bucket("orders", minute, 4, 6));
      assertThat(reopened.pruneBefore(minute.minusSeconds(60))).isEqualTo(1);
      assertThat(reopened.since("orders", Instant.EPOCH)).containsExactly(new Bucket("orders", minute, 4, 6));
      assertThat(reopened.since("missing", Instant.EPOCH)).isEmpty();
    }
  }
}
