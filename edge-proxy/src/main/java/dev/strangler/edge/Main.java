package dev.strangler.edge;

import dev.strangler.config.ConfigException;
import dev.strangler.config.ConfigLoader;
import dev.strangler.config.EdgeConfig;
import dev.strangler.edge.config.ConfigWatcher;
import dev.strangler.edge.export.ExportCommand;
import dev.strangler.edge.export.SummaryCommand;
import dev.strangler.edge.fleet.Fleet;
import dev.strangler.edge.proxy.EdgeServer;
import dev.strangler.edge.admin.AdminServer;
import dev.strangler.edge.metrics.EdgeMetrics;
import dev.strangler.edge.mirror.MirrorSettings;
import dev.strangler.edge.mirror.MirrorSide;
import dev.strangler.edge.mirror.ShadowOutcomes;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.store.DiscrepancyStore;
import dev.strangler.store.DiscrepancyWriter;
import dev.strangler.store.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edge run}: the production edge on a routes.yaml, what {@code edge} does without a
 * subcommand; {@code edge export} streams stored discrepancy records ({@link ExportCommand}) and
 * {@code edge summary} prints the discrepancy groups ({@link SummaryCommand}).
 */
@Command(
    name = "edge",
    mixinStandardHelpOptions = true,
    subcommands = {ExportCommand.class, SummaryCommand.class},
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
    CountDownLatch stopped = new CountDownLatch(1);
    try (Edge edge = Edge.start(cfg, threads, reloadPeriod)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "edge-shutdown"));
      edge.printBanner(System.out);
      stopped.await();
    }
    return 0;
  }

  /** A running edge: store, live routes, mirror side, data plane, admin server and config watcher. */
  public record Edge(
      StateStore store,
      LiveRoutes routes,
      EdgeMetrics metrics,
      DiscrepancyStore discrepancies,
      MirrorSide mirror,
      EdgeServer server,
      AdminServer admin,
      ConfigWatcher watcher,
      Fleet fleet)
      implements AutoCloseable {

    /** Starts every part of the edge on a loaded config. */
    public static Edge start(EdgeConfig cfg, int threads, long reloadPeriodMillis) throws InterruptedException {
      StateStore store = StateStore.open(cfg.state().store());
      LiveRoutes routes = new LiveRoutes(cfg, store);
      EdgeMetrics metrics = new EdgeMetrics();
      DiscrepancyStore discrepancies = DiscrepancyStore.open(cfg.state().store());
      MirrorSide mirror = new MirrorSide(routes, discrepancies, metrics.registry(), MirrorSettings.defaults());
      EdgeServer server = EdgeServer.start(routes, metrics, mirror.shadowing(), threads);
      Fleet fleet = Fleet.start(cfg, store, routes, metrics.registry(), server.port());
      AdminServer admin = AdminServer.start(cfg.admin(), cfg.state().dir(), routes, metrics, mirror.outcomes(),
          discrepancies, fleet, mirror.noise().model());
      ConfigWatcher watcher = new ConfigWatcher(cfg.source(), routes, reloadPeriodMillis);
      return new Edge(store, routes, metrics, discrepancies, mirror, server, admin, watcher, fleet);
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

    @Override
    public void close() {
      fleet.close();
      watcher.close();
      admin.close();
      server.close();
      mirror.close();
      discrepancies.close();
      store.close();
    }
  }
}
