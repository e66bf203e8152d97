package dev.strangler.edge.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.store.InstanceRecord;
import dev.strangler.store.InstanceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:10Z");
  private static final Duration GONE_AFTER = Duration.ofSeconds(3);

  @Test
  void anInstanceSilentLongerThanTheLimitIsGoneWhateverItLastSaid() {
    List<InstanceStatus> fleet = Roster.of(List.of(
        row("fresh", 1, "h", InstanceState.SERVING),
        row("edge", 3, "h", InstanceState.DRAINING),
        row("silent", 4, "h", InstanceState.SERVING)), NOW, GONE_AFTER);

    assertThat(fleet).extracting(InstanceStatus::state)
        .containsExactly(InstanceState.SERVING, InstanceState.DRAINING, InstanceState.GONE);
  }

  @Test
  void driftIsAHashOtherThanTheOneMostLiveInstancesRun() {
    List<InstanceStatus> fleet = Roster.of(List.of(
        row("a", 0, "h1", InstanceState.SERVING),
        row("b", 0, "h1", InstanceState.SERVING),
        row("c", 0, "h2", InstanceState.SERVING),
        row("gone-1", 60, "h3", InstanceState.SERVING),
        row("gone-2", 60, "h3", InstanceState.SERVING),
        row("gone-3", 60, "h1", InstanceState.GONE)), NOW, GONE_AFTER);

    assertThat(fleet).extracting(InstanceStatus::configDrift)
        .as("gone instances do not vote, but are judged").containsExactly(false, false, true, true, true, false);
  }

  @Test
  void anEvenSplitMeansEveryLiveInstanceDrifts() {
    assertThat(Roster.of(List.of(row("a", 0, "h1", InstanceState.SERVING), row("b", 0, "h2", InstanceState.SERVING)),
        NOW, GONE_AFTER)).extracting(InstanceStatus::configDrift).containsExactly(true, true);
    assertThat(Roster.of(List.of(row("a", 0, "h1", InstanceState.SERVING)), NOW, GONE_AFTER))
        .extracting(InstanceStatus::configDrift).containsExactly(false);
  }

  private static InstanceRecord row(String id, int secondsAgo, String hash, InstanceState state) {
    return new InstanceRecord(id, "127.0.0.1:8080", "dev", NOW.minusSeconds(100), NOW.minusSeconds(secondsAgo),
        hash, 0, state);
  }
}
