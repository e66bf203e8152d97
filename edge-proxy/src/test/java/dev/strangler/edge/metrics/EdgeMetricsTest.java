package dev.strangler.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.routing.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EdgeMetricsTest {
  private final EdgeMetrics metrics = new EdgeMetrics();

  @Test
  void countsRequestsByRouteSideAndStatusClass() {
    metrics.started("post-read", Side.LEGACY);
    metrics.started("post-read", Side.LEGACY);
    metrics.started("post-read", Side.NEW);
    metrics.finished("post-read", Side.LEGACY, 200, 3_000_000);
    metrics.finished("post-read", Side.LEGACY, 503, 40_000_000);

    RouteCounters c = metrics.counters("post-read");
    assertThat(c.total()).isEqualTo(2);
    assertThat(c.byStatusClass()).isEqualTo(Map.of("2xx", 1L, "5xx", 1L));
    assertThat(c.bySide()).isEqualTo(Map.of(Side.LEGACY, 2L, Side.NEW, 0L));
    assertThat(c.inFlight()).isEqualTo(1);
    assertThat(metrics.counters("never-seen"))
        .isEqualTo(new RouteCounters(0, Map.of(), Map.of(Side.LEGACY, 0L, Side.NEW, 0L), 0, 0));
  }

  @Test
  void scrapeHasPrometheusSeries() {
    metrics.started("post-read", Side.NEW);
    metrics.finished("post-read", Side.NEW, 204, 7_000_000);
    metrics.rejected(431, "header_too_large");
    metrics.upstreamError("post-read", Side.NEW, "connect");

    String text = metrics.scrape();

    assertThat(text)
        .contains("edge_requests_total{route=\"post-read\",side=\"new\",status_class=\"2xx\"} 1.0")
        .contains("edge_request_duration_seconds_bucket{route=\"post-read\",side=\"new\",le=\"0.01\"} 1")
        .contains("edge_request_duration_seconds_count{route=\"post-read\",side=\"new\"} 1")
        .contains("edge_requests_in_flight{route=\"post-read\",side=\"new\"} 0.0")
        .contains("edge_rejected_total{reason=\"header_too_large\",status=\"431\"} 1.0")
        .contains("edge_upstream_errors_total{reason=\"connect\",route=\"post-read\",side=\"new\"} 1.0");
    assertThat(metrics.counters("post-read").upstreamErrors()).isEqualTo(1);
  }

  @Test
  void oddStatusesCountAsOther() {
    metrics.started("r", Side.LEGACY);
    metrics.finished("r", Side.LEGACY, 0, 1);
    assertThat(metrics.counters("r").byStatusClass()).isEqualTo(Map.of("other", 1L));
  }

  @Test
  void concurrentRecordingLosesNothing() throws Exception {
    int threads = 4;
    int perThread = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String route = "route-" + (t % 2);
      futures.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          metrics.started(route, Side.LEGACY);
          metrics.finished(route, Side.LEGACY, 200 + (i % 2) * 300, 1_000);
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get(1, TimeUnit.MINUTES);
    }
    pool.shutdown();

    for (String route : List.of("route-0", "route-1")) {
      RouteCounters c = metrics.counters(route);
      assertThat(c.total()).isEqualTo(2L * perThread);
      assertThat(c.byStatusClass()).isEqualTo(Map.of("2xx", (long) perThread, "5xx", (long) perThread));
      assertThat(c.inFlight()).isZero();
    }
  }

  @Test
  void sidesGiveErrorsAndRecentPercentilesPerSide() {
    for (int i = 1; i <= 100; i++) {
      metrics.started("checkout", Side.NEW);
      metrics.finished("checkout", Side.NEW, i <= 3 ? 503 : 200, i * 1_000_000L);
    }
    metrics.started("checkout", Side.LEGACY);
    metrics.finished("checkout", Side.LEGACY, 404, 2_000_000L);

    Map<Side, SideStats> sides = metrics.sides("checkout");
    SideStats fresh = sides.get(Side.NEW);
    assertThat(fresh.answered()).isEqualTo(100);
    assertThat(fresh.errors()).isEqualTo(3);
    assertThat(fresh.p50Millis()).isBetween(45.0, 55.0);
    assertThat(fresh.p99Millis()).isBetween(95.0, 101.0);
    assertThat(sides.get(Side.LEGACY).answered()).isEqualTo(1);
    assertThat(sides.get(Side.LEGACY).errors()).isZero();
    assertThat(metrics.sides("never-seen").get(Side.NEW)).isEqualTo(new SideStats(0, 0, null, null));
  }

  @Test
  void mirroredAnswersAreReadThroughTheRegistryByAnyInstance() {
    MirroredAnswers judges = new MirroredAnswers(metrics.registry());
    for (int i = 1; i <= 50; i++) {
      judges.answered("checkout", Side.NEW, i == 1 ? 502 : 200, i);
    }
    judges.failed("checkout", Side.NEW);

    SideStats fresh = metrics.mirrored("checkout").get(Side.NEW);
    assertThat(fresh.answered()).isEqualTo(51);
    assertThat(fresh.errors()).isEqualTo(2);
    assertThat(fresh.p50Millis()).isBetween(22.0, 28.0);
    assertThat(fresh.p99Millis()).isBetween(48.0, 51.0);
    assertThat(metrics.mirrored("checkout").get(Side.LEGACY)).isEqualTo(SideStats.NONE);
    assertThat(metrics.sides("checkout").get(Side.NEW)).isEqualTo(SideStats.NONE);
    assertThat(metrics.scrape()).contains("edge_shadow_answers_total{result=\"error\",route=\"checkout\",side=\"new\"} 2.0");
  }
}
