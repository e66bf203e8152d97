package dev.strangler.edge.mirror;

import dev.strangler.config.EdgeConfig;
import dev.strangler.edge.capture.CaptureWriter;
import dev.strangler.edge.noise.NoiseSync;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.edge.upstream.UpstreamHandler;
import dev.strangler.edge.upstream.UpstreamPools;
import dev.strangler.store.DiscrepancyStore;
import dev.strangler.store.DiscrepancyWriter;
import dev.strangler.edge.metrics.MirroredAnswers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * The mirror side of the edge, which builds, owns and closes everything a tapped request uses
 * once the serving exchange has shown it: the mirror pools and clients (where a request is
 * mirrored), the outcome ledger with its in-flight gate, the judge batches and threads (where the
 * answers are compared), the discrepancy writer (where non-matching records are stored) and the
 * capture writer (where sampled exchanges are recorded). The data plane reaches it through
 * {@link #shadowing()}. It stops in two steps, while the event loops still run:
 * {@link #stopMirrors} (mirrors in flight are dropped), then {@link #close}.
 */
public final class MirrorSide implements AutoCloseable {
  /** How long the loops may take to hand the judge their last batches. */
  private static final Duration HAND_OVER_WAIT = Duration.ofSeconds(5);

  private final ShadowOutcomes outcomes;
  private final DiscrepancyWriter writer;
  private final CaptureWriter captures;
  private final UpstreamPools pools;
  private final MirrorClients clients;
  private final OutcomeLedger ledger;
  private final JudgeExecutor judge;
  private final JudgeBatches batches;
  private final NoiseSync noise;
  private final Shadowing shadowing;

  /**
   * Builds and starts the mirror side of the config in force.
   *
   * @param store    where discrepancy records are stored (its owner closes it)
   * @param registry where the outcome, writer and mirrored-answer meters are registered
   */
  public MirrorSide(LiveRoutes routes, DiscrepancyStore store, MeterRegistry registry, MirrorSettings settings) {
    this(routes, store, registry, settings, PairVerdicts.NONE);
  }

  /** Like the constructor above; {@code verdicts} hears the verdict of each judged pair. */
  public MirrorSide(LiveRoutes routes, DiscrepancyStore store, MeterRegistry registry, MirrorSettings settings,
      PairVerdicts verdicts) {
    EdgeConfig config = routes.current().config();
    outcomes = new ShadowOutcomes(registry, settings.parityWindow());
    writer = new DiscrepancyWriter(store, settings.writerQueue(), settings.samplesPerWindow(), settings.sampleWindow());
    WriterMetrics.bind(writer, registry);
    captures = new CaptureWriter(config.state().dir().resolve("captures"), () -> routes.current().config().mask(),
        settings.captureQueue(), settings.captureFileBytes(), settings.captureFileAge(), settings.captureFiles());
    WriterMetrics.bind(captures, registry);
    long idleMillis = config.defaults().timeouts().idle().toMillis();
    pools = new UpstreamPools(ch -> UpstreamHandler.initialize(ch, idleMillis), config.defaults().timeouts().connect(),
        settings.mirrorConnections(), settings.mirrorAcquiresWaiting());
    clients = new MirrorClients(pools);
    ledger = new OutcomeLedger(outcomes, new ShadowGate(settings.mirrorsInFlight()), verdicts);
    noise = new NoiseSync(routes, registry);
    judge = new JudgeExecutor(routes, ledger, writer, noise.learning(), new MirroredAnswers(registry),
        settings.judgeThreads(), settings.judgeQueue());
    batches = new JudgeBatches(judge::submit);
    shadowing = new Shadowing(clients, ledger, batches, captures::offer);
  }

  /** Decides which requests are mirrored or recorded, and taps them. */
  public Shadowing shadowing() {
    return shadowing;
  }

  /** The outcome counters and parity of every route. */
  public ShadowOutcomes outcomes() {
    return outcomes;
  }

  public DiscrepancyWriter writer() {
    return writer;
  }

  public CaptureWriter captures() {
    return captures;
  }

  /** Noise learning: the model the judges share and its sync with the store. */
  public NoiseSync noise() {
    return noise;
  }

  /** Mirrors in flight now, all routes together. */
  public int inFlight() {
    return ledger.inFlight();
  }

  /**
   * No more mirrors go out: every mirror client closes on its loop, and each mirror it carries
   * or is given from now on is dropped ({@code shutdown}). Call while the loops still run, before
   * the data plane cuts its connections, so that a request cut then counts as dropped too.
   */
  public void stopMirrors() {
    clients.close();
  }

  /**
   * Closes the mirror side once the data plane's connections are closed, its loops still running:
   * no more mirrors go out (clients, then pools), the loops hand over their last batches, the
   * judge takes no more requests and finishes those queued, then the writers store what they
   * hold (discrepancy records in the store, capture lines on disk).
   */
  @Override
  public void close() {
    stopMirrors();
    pools.close();
    batches.awaitHandedOver(HAND_OVER_WAIT);
    judge.close();
    noise.close();
    writer.close();
    captures.close();
  }
}
