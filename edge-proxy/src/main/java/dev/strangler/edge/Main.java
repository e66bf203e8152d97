package dev.strangler.edge;

import dev.strangler.config.ConfigException;
import dev.strangler.config.ConfigLoader;
import dev.strangler.config.EdgeConfig;
import dev.strangler.config.LifecycleConfig;
import dev.strangler.edge.alerts.Alerts;
import dev.strangler.edge.config.ConfigWatcher;
import dev.strangler.edge.export.ExportCommand;
import dev.strangler.edge.export.SummaryCommand;
import dev.strangler.edge.fleet.Fleet;
import dev.strangler.edge.guard.Guard;
import dev.strangler.edge.guard.GuardRollback;
import dev.strangler.edge.lifecycle.Drain;
import dev.strangler.edge.lifecycle.Lifecycle;
import dev.strangler.edge.lifecycle.ShutdownSignals;
import dev.strangler.edge.proxy.EdgeServer;
import dev.strangler.edge.proxy.ExchangeObserver;
import dev.strangler.edge.admin.AdminServer;
import dev.strangler.edge.metrics.EdgeMetrics;
import dev.strangler.edge.mirror.MirrorSettings;
import dev.strangler.edge.mirror.MirrorSide;
import dev.strangler.edge.mirror.ShadowOutcomes;
import dev.strangler.edge.rollout.RolloutCommand;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.store.DiscrepancyStore;
import dev.strangler.store.DiscrepancyWriter;
import dev.strangler.store.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edge run}: the production edge on a routes.yaml, what {@code edge} does without a
 * subcommand, until SIGTERM or SIGINT, which it answers with a drain ({@link Drain}) and exit
 * status 0 (a second signal exits at once, {@link ShutdownSignals}); {@code edge export} streams
 * stored discrepancy records ({@link ExportCommand}), {@code edge summary} prints the
 * discrepancy groups ({@link SummaryCommand}) and {@code edge rollout} raises a route's weight
 * step by step through the admin API ({@link RolloutCommand}).
 */
@Command(
    name = "edge",
    mixinStandardHelpOptions = true,
    subcommands = {ExportCommand.class, SummaryCommand.class, RolloutCommand.class},
    description = "Strangler edge: routes each route to legacy or new, with a live cutover toggle.")
public final class Main implements Callable<Integer> {
  @Option(names = "--config", defaultValue = "routes.yaml", description = "routes.yaml to run (default: ${DEFAULT-VALUE})")
  Path config;

  @Option(names = "--threads", defaultValue = "0", description = "event loop threads (0: one per core)")
  int threads;

  @Option(names = "--reload-period", defaultValue = "1000", description = "routes.yaml polling period in ms")
  long reloadPeriod;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    EdgeConfig cfg;
    try {
      cfg = ConfigLoader.load(config);
    } catch (ConfigException e) {
      System.err.println("edge: " + e.getMessage());
      return 2;
    }
    Files.createDirectories(cfg.state().dir());
    ShutdownSignals signals = ShutdownSignals.install();
    Edge edge = Edge.start(cfg, threads, reloadPeriod);
    try {
      edge.printBanner(System.out);
      String signal = signals.await();
      LifecycleConfig lifecycle = cfg.lifecycle();
      System.out.println("edge: " + signal + ": draining (readiness 503; the listener closes in "
          + lifecycle.drainDelay().toMillis() + " ms; then up to " + lifecycle.drainTimeout().toMillis()
          + " ms for what is in flight)");
      Drain.Result drained = edge.drain(lifecycle);
      System.out.println("edge: drained in " + drained.took().toMillis() + " ms; cutting "
          + drained.connections() + " connection(s) and " + drained.mirrors() + " mirror(s) still in flight");
    } finally {
      edge.close();
    }
    System.out.println("edge: stopped; " + edge.flushed());
    return 0;
  }

  /**
   * A running edge: store, live routes, mirror side, data plane, admin server, config watcher,
   * fleet membership, lifecycle stage, rollback guard and alerts.
   */
  public record Edge(
      StateStore store,
      LiveRoutes routes,
      EdgeMetrics metrics,
      DiscrepancyStore discrepancies,
      MirrorSide mirror,
      EdgeServer server,
      AdminServer admin,
      ConfigWatcher watcher,
      Fleet fleet,
      Lifecycle lifecycle,
      Guard guard,
      Alerts alerts)
      implements AutoCloseable {

    /** Starts every part of the edge on a loaded config; readiness turns 200 at the end. */
    public static Edge start(EdgeConfig cfg, int threads, long reloadPeriodMillis) throws InterruptedException {
      Lifecycle lifecycle = new Lifecycle();
      StateStore store = StateStore.open(cfg.state().store());
      EdgeMetrics metrics = new EdgeMetrics();
      Alerts alerts = new Alerts(cfg.alerts().queue(), metrics.registry());
      LiveRoutes routes = new LiveRoutes(cfg, store, alerts);
      Guard guard = new Guard(routes, metrics.registry());
      DiscrepancyStore discrepancies = DiscrepancyStore.open(cfg.state().store());
      MirrorSide mirror =
          new MirrorSide(routes, discrepancies, metrics.registry(), MirrorSettings.defaults(), guard.verdicts());
      EdgeServer server =
          EdgeServer.start(routes, ExchangeObserver.both(metrics, guard.observer()), mirror.shadowing(), threads);
      Fleet fleet = Fleet.start(cfg, store, routes, metrics.registry(), server.port());
      guard.start(new GuardRollback(routes, store, fleet.instanceId()));
      AdminServer admin = AdminServer.start(cfg.admin(), cfg.state().dir(), routes, metrics, mirror.outcomes(),
          discrepancies, fleet, lifecycle, mirror.noise().model());
      ConfigWatcher watcher = new ConfigWatcher(cfg.source(), routes, reloadPeriodMillis);
      lifecycle.serving();
      return new Edge(store, routes, metrics, discrepancies, mirror, server, admin, watcher, fleet, lifecycle, guard,
          alerts);
    }

    /** The graceful part of a stop ({@link Drain#run}); {@link #close} cuts what is left. */
    public Drain.Result drain(LifecycleConfig config) {
      return Drain.run(config, lifecycle, fleet, server, mirror);
    }

    /** The outcome counters of the mirror side. */
    public ShadowOutcomes outcomes() {
      return mirror.outcomes();
    }

    /** The discrepancy writer of the mirror side. */
    public DiscrepancyWriter writer() {
      return mirror.writer();
    }

    void printBanner(java.io.PrintStream out) {
      var cfg = routes.current().config();
      out.println("edge: proxy on http://" + cfg.listen().host() + ":" + server.port()
          + " with " + cfg.routes().size() + " routes from " + cfg.source());
      out.println("edge: admin on http://" + cfg.admin().listen().host() + ":" + admin.port()
          + (admin.tokenFile() == null ? " (token from routes.yaml)" : " (bearer token in " + admin.tokenFile() + ")"));
      out.flush();
    }

    /** What became of the discrepancy records and capture lines, for the last log line. */
    String flushed() {
      DiscrepancyWriter w = mirror.writer();
      var c = mirror.captures();
      return "discrepancy records: " + w.offered() + " offered, " + w.stored() + " stored, " + w.sampledOut()
          + " sampled out, " + w.dropped() + " dropped, " + w.lost() + " lost; capture lines: " + c.written()
          + " written, " + c.dropped() + " dropped, " + c.failed() + " failed";
    }

    /**
     * Stops the edge, cutting what is in flight ({@link Drain#stop}: every pending mirror gets its
     * outcome, the queues are flushed), then the guard, the admin API, the fleet membership, the
     * alerts (queued ones get a moment to go out) and the stores.
     */
    @Override
    public void close() {
      watcher.close();
      Drain.stop(server, mirror);
      guard.close();
      admin.close();
      fleet.close();
      alerts.close();
      discrepancies.close();
      store.close();
    }
  }
}
