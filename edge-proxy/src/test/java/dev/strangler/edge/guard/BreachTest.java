package dev.strangler.edge.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.GuardConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a window's totals are a breach, and how the reason states the figures. */
class BreachTest {
  private static final GuardConfig GUARD = new GuardConfig(0.02, 0.01, 100, Duration.ofSeconds(60));

  @Test
  void theErrorRateCountsOnceNewServedMinRequests() {
    assertThat(Breach.of(GUARD, new GuardWindow.Totals(99, 99, 0, 0))).isNull();
    assertThat(Breach.of(GUARD, new GuardWindow.Totals(100, 2, 0, 0))).isNull();
    assertThat(Breach.of(GUARD, new GuardWindow.Totals(80, 30, 0, 0))).isNull();
    assertThat(Breach.of(GUARD, new GuardWindow.Totals(160, 60, 0, 0)))
        .isEqualTo("guard: error rate 37.5% (60/160) over 60s > 2%");
  }

  @Test
  void theDiffRateCountsOnceMinRequestsPairsWereJudged() {
    assertThat(Breach.of(GUARD, new GuardWindow.Totals(1000, 0, 99, 99))).isNull();
    assertThat(Breach.of(GUARD, new GuardWindow.Totals(1000, 0, 300, 3))).isNull();
    assertThat(Breach.of(GUARD, new GuardWindow.Totals(1000, 0, 300, 4)))
        .isEqualTo("guard: diff rate 1.33% (4/300) over 60s > 1%");
  }

  @Test
  void aWindowCountsWhatItWasToldAndStartsEmpty() {
    GuardWindow w = new GuardWindow(60);
    assertThat(w.totals()).isEqualTo(new GuardWindow.Totals(0, 0, 0, 0));
    w.served(true);
    w.served(false);
    w.judged(true);
    assertThat(w.totals()).isEqualTo(new GuardWindow.Totals(2, 1, 1, 1));
  }
}
