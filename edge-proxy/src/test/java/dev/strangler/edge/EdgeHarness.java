package dev.strangler.edge;

import dev.strangler.config.EdgeConfig;
import dev.strangler.edge.proxy.EdgeServer;
import dev.strangler.edge.proxy.ExchangeObserver;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.store.StateStore;

/** A real edge (data plane on a free port) over a real SQLite state store. */
public final class EdgeHarness implements AutoCloseable {
  private final StateStore store;
  private final LiveRoutes routes;
  private final EdgeServer server;

  public EdgeHarness(EdgeConfig config) throws InterruptedException {
    this(config, ExchangeObserver.NONE);
  }

  public EdgeHarness(EdgeConfig config, ExchangeObserver observer) throws InterruptedException {
    store = StateStore.open(config.state().store());
    routes = new LiveRoutes(config, store);
    server = EdgeServer.start(routes, observer, 2);
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

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
