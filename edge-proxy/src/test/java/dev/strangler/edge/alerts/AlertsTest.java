package dev.strangler.edge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.AlertsConfig;
import dev.strangler.routing.Side;
import dev.strangler.routing.Weight;
import dev.strangler.store.AuditEntry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** Alerts go to a real JDK HTTP server: retried until accepted, exactly once, off a bounded queue. */
class AlertsTest {
  private static final Instant AT = Instant.parse("2026-12-06T20:00:00Z");

  @Test
  void aReceiverThatComesUpAfterTheEventGetsItOnce() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.reserve();
        Alerts alerts = new Alerts(10, new SimpleMeterRegistry())) {
      alerts.offer(AlertKind.GUARD_ROLLBACK, entry(7), target(receiver));
      await(alerts::retries, 1);
      receiver.start();
      String body = receiver.await(b -> b.contains("\"seq\":7"));

      assertThat(body).isEqualTo("{\"event\":\"guard_rollback\",\"route\":\"checkout\",\"from\":\"new\","
          + "\"to\":\"legacy\",\"weight\":{\"from\":100,\"to\":0},\"seq\":7,\"actor\":\"guard\","
          + "\"reason\":\"guard: error rate 50% (10/20) over 60s > 2%\","
          + "\"instance\":\"edge-a\",\"at\":\"2026-12-06T20:00:00Z\"}");
      await(alerts::delivered, 1);
      assertThat(receiver.accepted()).hasSize(1);
      assertThat(alerts.retries()).isGreaterThanOrEqualTo(1);
      assertThat(alerts.dropped() + alerts.expired()).isZero();
    }
  }

  @Test
  void refusalsAreRetriedAndTheEventAcceptedOnce() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.refusingFirst(2);
        Alerts alerts = new Alerts(10, new SimpleMeterRegistry())) {
      alerts.offer(AlertKind.FLIP, entry(3), target(receiver));
      receiver.await(b -> b.contains("\"seq\":3"));
      await(alerts::delivered, 1);

      assertThat(receiver.posts()).isEqualTo(3);
      assertThat(receiver.accepted()).hasSize(1);
      assertThat(alerts.retries()).isEqualTo(2);
    }
  }

  @Test
  void aFullQueueDropsAndCountsWhatItHasNoRoomFor() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (WebhookReceiver receiver = WebhookReceiver.refusingFirst(0);
        Alerts alerts = new Alerts(1, registry)) {
      receiver.hold();
      for (int seq = 1; seq <= 5; seq++) {
        alerts.offer(AlertKind.FLIP, entry(seq), target(receiver));
      }
      receiver.release();
      await(() -> alerts.delivered() + alerts.dropped(), 5);

      assertThat(alerts.dropped()).isBetween(3L, 4L);
      assertThat(receiver.accepted()).hasSize((int) alerts.delivered());
      assertThat(registry.get("edge_alerts").tag("result", "dropped").counter().count())
          .isEqualTo((double) alerts.dropped());
    }
  }

  @Test
  void anEventOlderThanMaxAgeIsGivenUpAndCounted() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.reserve();
        Alerts alerts = new Alerts(10, new SimpleMeterRegistry())) {
      AlertsConfig shortLived = new AlertsConfig(URI.create(receiver.url()), Duration.ofSeconds(1), 10,
          Duration.ofMillis(1));
      alerts.offer(AlertKind.FLIP, entry(1), shortLived);
      await(alerts::expired, 1);
      assertThat(alerts.delivered()).isZero();
    }
  }

  @Test
  void noWebhookNoAlert() {
    try (Alerts alerts = new Alerts(1, new SimpleMeterRegistry())) {
      alerts.offer(AlertKind.FLIP, entry(1), AlertsConfig.none());
      assertThat(alerts.dropped() + alerts.delivered()).isZero();
    }
  }

  @Test
  void eachAuditEntryAlertsAsItsKind() {
    Weight five = new Weight(5);
    assertThat(AlertKind.of(entry(1))).isEqualTo(AlertKind.GUARD_ROLLBACK);
    assertThat(AlertKind.of(new AuditEntry(2, AT, "checkout", Side.LEGACY, Side.NEW, "go", "ops", "edge-a")))
        .isEqualTo(AlertKind.FLIP);
    assertThat(AlertKind.of(new AuditEntry(3, AT, "checkout", Side.LEGACY, Side.LEGACY, "canary", "ops", "edge-a",
        AuditEntry.Action.WEIGHT, Weight.LEGACY, five))).isEqualTo(AlertKind.WEIGHT);
    assertThat(AlertKind.of(new AuditEntry(4, AT, "checkout", Side.LEGACY, Side.LEGACY, "guard: ...", "guard",
        "edge-a", AuditEntry.Action.WEIGHT, five, Weight.LEGACY))).isEqualTo(AlertKind.GUARD_ROLLBACK);
  }

  private static AuditEntry entry(long seq) {
    return new AuditEntry(seq, AT, "checkout", Side.NEW, Side.LEGACY, "guard: error rate 50% (10/20) over 60s > 2%",
        "guard", "edge-a");
  }

  private static AlertsConfig target(WebhookReceiver receiver) {
    return new AlertsConfig(URI.create(receiver.url()), Duration.ofSeconds(5), 10, Duration.ofMinutes(5));
  }

  private static void await(LongSupplier count, long n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (count.getAsLong() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("count stayed at " + count.getAsLong() + ", expected " + n);
      }
      Thread.sleep(10);
    }
  }
}
