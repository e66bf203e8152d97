package dev.strangler.edge;

import dev.strangler.config.ConfigException;
import dev.strangler.config.ConfigLoader;
import dev.strangler.config.EdgeConfig;
import dev.strangler.edge.capture.CaptureWriter;
import dev.strangler.edge.config.ConfigWatcher;
import dev.strangler.edge.export.ExportCommand;
import dev.strangler.edge.export.SummaryCommand;
import dev.strangler.edge.fleet.Fleet;
import dev.strangler.edge.proxy.EdgeServer;
import dev.strangler.edge.admin.AdminServer;
import dev.strangler.edge.metrics.EdgeMetrics;
import dev.strangler.edge.metrics.WriterMetrics;
import dev.strangler.edge.mirror.JudgeExecutor;
import dev.strangler.edge.mirror.ShadowOutcomes;
import dev.strangler.store.DiscrepancyStore;
import dev.strangler.store.DiscrepancyWriter;
import java.time.Duration;
import dev.strangler.edge.routing.LiveRoutes;
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
 * subcommand; {@code edge export} streams stored discrepancy records ({@link ExportCommand}).
 */
@Command(
    name = "edge",
    mixinStandardHelpOptions = true,
    subcommands = {ExportCommand.class, SummaryCommand.class},
    description = "Strangler edge: routes each route to legacy or new, with a live cutover toggle.")
public final class Main implements Callable<Integer> {
  /** Discrepancy records waiting for the store at most. */
  static final int WRITER_QUEUE = 10_000;
  /** Whole records kept per fingerprint and window; beyond that only counts. */
  static final int SAMPLES_PER_WINDOW = 20;
  static final Duration SAMPLE_WINDOW = Duration.ofMinutes(1);
  /** Completed shadow pairs waiting for a judge at most. */
  static final int JUDGE_QUEUE = 4096;
  static final Duration PARITY_WINDOW = Duration.ofMinutes(10);
  /** Capture lines waiting for the disk at most; files rotate at 64 MiB or 1 h; 48 are kept. */
  static final int CAPTURE_QUEUE = 10_000;
  static final long CAPTURE_FILE_BYTES = 64L << 20;
  static final Duration CAPTURE_FILE_AGE = Duration.ofHours(1);
  static final int CAPTURE_FILES = 48;

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

  /** A running edge: store, live routes, data plane and config watcher. */
  public record Edge(
      StateStore store,
      LiveRoutes routes,
      EdgeMetrics metrics,
      DiscrepancyStore discrepancies,
      DiscrepancyWriter writer,
      ShadowOutcomes outcomes,
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
      DiscrepancyWriter writer = new DiscrepancyWriter(discrepancies, WRITER_QUEUE, SAMPLES_PER_WINDOW, SAMPLE_WINDOW);
      WriterMetrics.bind(writer, metrics.registry());
      ShadowOutcomes outcomes = new ShadowOutcomes(metrics.registry(), PARITY_WINDOW);
      int judges = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
      JudgeExecutor judge = new JudgeExecutor(routes, outcomes, writer, judges, JUDGE_QUEUE);
      CaptureWriter captures = new CaptureWriter(cfg.state().dir().resolve("captures"),
          () -> routes.current().config().mask(), CAPTURE_QUEUE, CAPTURE_FILE_BYTES, CAPTURE_FILE_AGE, CAPTURE_FILES);
      WriterMetrics.bind(captures, metrics.registry());
      EdgeServer server = EdgeServer.start(routes, metrics, outcomes, judge, captures, threads);
      Fleet fleet = Fleet.start(cfg, store, routes, metrics.registry(), server.port());
      AdminServer admin = AdminServer.start(cfg.admin(), cfg.state().dir(), routes, metrics, outcomes, discrepancies, fleet);
      ConfigWatcher watcher = new ConfigWatcher(cfg.source(), routes, reloadPeriodMillis);
      return new Edge(store, routes, metrics, discrepancies, writer, outcomes, server, admin, watcher, fleet);
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
      writer.close();
      discrepancies.close();
      store.close();
    }
  }
}
