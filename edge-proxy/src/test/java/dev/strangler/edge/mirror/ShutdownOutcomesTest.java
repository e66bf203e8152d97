package dev.strangler.edge.mirror;

import static dev.strangler.edge.mirror.OutcomeSettlingTest.gets;
import static dev.strangler.edge.mirror.OutcomeSettlingTest.mirroring;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.TestUpstream;
import dev.strangler.record.Outcome;
import dev.strangler.store.DiscrepancyStore;
import dev.strangler.store.FingerprintGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge shutting down with mirrored requests of every kind pending, on real sockets: each one
 * still ends in exactly one counted outcome. A mirror the shadow has not answered, read or write,
 * is dropped ({@code shutdown}), so is a request whose serving side is cut by the shutdown, and
 * pairs that ended just before are judged and their records stored before the store closes.
 */
class ShutdownOutcomesTest {
  @TempDir Path dir;
  /** The edge, legacy and shadow of {@link OutcomeSettlingTest}, started with its {@code start}. */
  final OutcomeSettlingTest t = new OutcomeSettlingTest();

  @AfterEach
  void stop() {
    t.stop();
  }

  @Test
  void everyPendingMirrorIsJudgedOrCountedDroppedForTheShutdown() throws Exception {
    EdgeHarness edge = start();
    TestUpstream legacy = t.legacy;
    List<RawClient> cut = new ArrayList<>();
    try {
      try (RawClient c = new RawClient(edge.port())) {
        for (String r : gets("/hang", 3)) {
          assertThat(c.send(r).read(false).status()).isEqualTo(200);
        }
        String write = "POST /hang/write HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}";
        assertThat(c.send(write).read(false).status()).isEqualTo(200);
      }
      for (int i = 0; i < 2; i++) {
        cut.add(new RawClient(edge.port()).send(gets("/slow", 2)[i]));
      }
      await(() -> legacy.received().size() == 6 && edge.mirror().inFlight() == 6);
      try (RawClient c = new RawClient(edge.port())) {
        for (String r : gets("/differ", 2)) {
          assertThat(c.send(r).read(false).status()).isEqualTo(200);
        }
      }
      await(() -> edge.mirror().inFlight() == 6);

      edge.close();

      assertThat(edge.outcomes().counts("items")).containsEntry(Outcome.DROPPED, 6L)
          .containsEntry(Outcome.DIFF, 2L);
      assertThat(edge.outcomes().counts("items").values().stream().mapToLong(Long::longValue).sum())
          .as("one outcome per request").isEqualTo(8);
      assertThat(edge.metrics().registry().find("edge_shadow_reasons_total").tag("reason", "shutdown").counter())
          .isNotNull().extracting(c -> (long) c.count()).isEqualTo(6L);
      assertThat(edge.mirror().inFlight()).isZero();
      try (DiscrepancyStore store = DiscrepancyStore.open(edge.routes().current().config().state().store())) {
        assertThat(store.groups("items", null, 10).stream().mapToLong(FingerprintGroup::count).sum())
            .as("the diffs judged at the stop are in the store").isEqualTo(2);
      }
      for (RawClient c : cut) {
        assertThat(c.closedByPeer()).as("the cut request's connection").isTrue();
      }
    } finally {
      for (RawClient c : cut) {
        c.close();
      }
    }
  }

  /**
   * {@link OutcomeSettlingTest#start}: legacy never answers {@code /slow}; the shadow never answers
   * {@code /hang} and answers {@code /differ} otherwise. Mirrors (GET and POST) may take 30 s,
   * each on a connection of its own.
   */
  private EdgeHarness start() throws Exception {
    t.dir = dir;
    t.start(OutcomeSettlingTest.Setup.standard().with(mirroring(Duration.ofSeconds(30), 4096, 256)).unpipelined());
    return t.edge;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
