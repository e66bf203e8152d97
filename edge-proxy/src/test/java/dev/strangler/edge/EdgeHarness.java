package dev.strangler.edge;

import dev.strangler.config.EdgeConfig;
import dev.strangler.edge.capture.CaptureWriter;
import dev.strangler.edge.metrics.EdgeMetrics;
import dev.strangler.edge.mirror.JudgeExecutor;
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
  private final StateStore store;
  private final LiveRoutes routes;
  private final DiscrepancyStore discrepancies;
  private final DiscrepancyWriter writer;
  private final ShadowOutcomes outcomes;
  private final CaptureWriter captures;
  private final EdgeServer server;

  public EdgeHarness(EdgeConfig config) throws InterruptedException {
    this(config, ExchangeObserver.NONE);
  }

  public EdgeHarness(EdgeConfig config, ExchangeObserver observer) throws InterruptedException {
    store = StateStore.open(config.state().store());
    routes = new LiveRoutes(config, store);
    discrepancies = DiscrepancyStore.open(config.state().store());
    writer = new DiscrepancyWriter(discrepancies, 10_000, 1000, Duration.ofMinutes(1));
    outcomes = new ShadowOutcomes(new EdgeMetrics().registry(), Duration.ofMinutes(10));
    captures = new CaptureWriter(config.state().dir().resolve("captures"), () -> routes.current().config().mask(),
        1000, 1 << 20, Duration.ofHours(1), 10);
    server = EdgeServer.start(routes, observer, outcomes, new JudgeExecutor(routes, outcomes, writer, 1, 1024),
        captures, 2);
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
    return writer;
  }

  public ShadowOutcomes outcomes() {
    return outcomes;
  }

  public CaptureWriter captures() {
    return captures;
  }

  public EdgeServer server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
    writer.close();
    discrepancies.close();
    store.close();
  }
}
