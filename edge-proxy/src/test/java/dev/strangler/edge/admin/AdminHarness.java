package dev.strangler.edge.admin;

import dev.strangler.config.AdminConfig;
import dev.strangler.config.EdgeConfig;
import dev.strangler.edge.fleet.Fleet;
import dev.strangler.edge.lifecycle.Lifecycle;
import dev.strangler.edge.metrics.EdgeMetrics;
import dev.strangler.edge.mirror.ShadowOutcomes;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.noise.NoiseModel;
import dev.strangler.store.DiscrepancyStore;
import dev.strangler.store.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

/** An admin server (with its fleet membership) started on real SQLite stores in a config's state directory. */
final class AdminHarness implements AutoCloseable {
  final StateStore store;
  final LiveRoutes routes;
  final EdgeMetrics metrics;
  final ShadowOutcomes outcomes;
  final DiscrepancyStore discrepancies;
  final Fleet fleet;
  final Lifecycle lifecycle = new Lifecycle();
  final NoiseModel noise = new NoiseModel();
  final AdminServer server;
  /** The bearer token in force: generated into the state dir, or configured. */
  final String token;
  final AdminClient client;

  private AdminHarness(EdgeConfig config, AdminConfig admin) {
    store = StateStore.open(config.state().store());
    routes = new LiveRoutes(config, store);
    metrics = new EdgeMetrics();
    outcomes = new ShadowOutcomes(metrics.registry(), Duration.ofMinutes(10));
    discrepancies = DiscrepancyStore.open(config.state().store());
    fleet = Fleet.start(config, store, routes, metrics.registry(), 0);
    server = AdminServer.start(admin, config.state().dir(), routes, metrics, outcomes, discrepancies, fleet,
        lifecycle, noise);
    lifecycle.serving();
    token = server.tokenFile() == null ? admin.token() : read(server);
    client = new AdminClient(server.port());
  }

  /** Starts the admin API of {@code config} with the given admin settings. */
  static AdminHarness start(EdgeConfig config, AdminConfig admin) {
    return new AdminHarness(config, admin);
  }

  /** Starts the admin API of {@code config}. */
  static AdminHarness start(EdgeConfig config) {
    return start(config, config.admin());
  }

  /** The Authorization header value that passes. */
  String bearer() {
    return "Bearer " + token;
  }

  private static String read(AdminServer server) {
    try {
      return Files.readString(server.tokenFile()).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    fleet.close();
    server.close();
    discrepancies.close();
    store.close();
  }
}
