package dev.strangler.edge;

import dev.strangler.config.EdgeConfig;
import dev.strangler.edge.capture.CaptureWriter;
import dev.strangler.edge.lifecycle.Drain;
import dev.strangler.edge.metrics.EdgeMetrics;
import dev.strangler.edge.mirror.MirrorSettings;
import dev.strangler.edge.mirror.MirrorSide;
import dev.strangler.edge.mirror.ShadowOutcomes;
import dev.strangler.edge.proxy.EdgeServer;
import dev.strangler.edge.proxy.ExchangeObserver;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.store.DiscrepancyStore;
import dev.strangler.store.DiscrepancyWriter;
import dev.strangler.store.StateStore;
import java.time.Duration;

/**
 * A real edge (data plane on a free port, shadowing with real judges) over a real SQLite state
 * and discrepancy store.
 */
public final class EdgeHarness implements AutoCloseable {
  /**
   * The mirror side's settings in tests: one judge thread, 1024 tasks waiting; 1000 records per
   * fingerprint and minute stored whole; 1000 capture lines waiting, 1 MiB files, 10 kept.
   */
  public static final MirrorSettings SETTINGS = new MirrorSettings(512, 256, 4096, 1024, 1, 10_000, 1000,
      Duration.ofMinutes(1), Duration.ofMinutes(10), 1000, 1 << 20, Duration.ofHours(1), 10);

  private final StateStore store;
  private final LiveRoutes routes;
  private final DiscrepancyStore discrepancies;
  private final EdgeMetrics metrics = new EdgeMetrics();
  private final MirrorSide mirror;
  private final EdgeServer server;
  private boolean closed;

  public EdgeHarness(EdgeConfig config) throws InterruptedException {
    this(config, ExchangeObserver.NONE);
  }

  public EdgeHarness(EdgeConfig config, ExchangeObserver observer) throws InterruptedException {
    this(config, observer, SETTINGS);
  }

  public EdgeHarness(EdgeConfig config, MirrorSettings settings) throws InterruptedException {
    this(config, ExchangeObserver.NONE, settings);
  }

  private EdgeHarness(EdgeConfig config, ExchangeObserver observer, MirrorSettings settings)
      throws InterruptedException {
    store = StateStore.open(config.state().store());
    routes = new LiveRoutes(config, store);
    discrepancies = DiscrepancyStore.open(config.state().store());
    mirror = new MirrorSide(routes, discrepancies, metrics.registry(), settings);
    server = EdgeServer.start(routes, observer, mirror.shadowing(), 2);
  }

  public int port() {
    return server.port();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public LiveRoutes routes() {
    return routes;
  }

  public StateStore store() {
    return store;
  }

  public DiscrepancyStore discrepancies() {
    return discrepancies;
  }

  public DiscrepancyWriter writer() {
    return mirror.writer();
  }

  public ShadowOutcomes outcomes() {
    return mirror.outcomes();
  }

  public CaptureWriter captures() {
    return mirror.captures();
  }

  public MirrorSide mirror() {
    return mirror;
  }

  /** The registry of the edge's meters (requests, outcomes, reasons, writers). */
  public EdgeMetrics metrics() {
    return metrics;
  }

  public EdgeServer server() {
    return server;
  }

  /** Stops the edge the way {@code Main} does ({@link Drain#stop}); a second call does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Drain.stop(server, mirror);
    discrepancies.close();
    store.close();
  }
}
