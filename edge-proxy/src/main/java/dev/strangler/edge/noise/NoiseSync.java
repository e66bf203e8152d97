package dev.strangler.edge.noise;

import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.noise.NoiseCounts;
import dev.strangler.noise.NoiseLearning;
import dev.strangler.noise.NoiseModel;
import dev.strangler.store.NoiseStore;
import dev.strangler.store.StoreException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the edge's noise model and the store in step, on a thread of its own (never an event
 * loop, never a judge thread): it reads the fleet's totals at start, and every period adds the
 * counts learned since the last write to the store in one batch, then reads the totals back. While the store cannot be reached
 * the counts wait in the model (bounded by its shapes per route; what it leaves out is counted,
 * {@code edge_noise_dropped_total}); writes are counted by result,
 * {@code edge_noise_writes_total{result=ok|failed}}. Idle while no route of the config in force
 * learns noise.
 */
public final class NoiseSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NoiseSync.class);
  /** How often the counts are written and the totals read back. */
  public static final Duration PERIOD = Duration.ofSeconds(2);

  private final NoiseModel model = new NoiseModel();
  private final NoiseLearning learning = new NoiseLearning(model);
  private final NoiseStore store;
  private final LiveRoutes routes;
  private final ScheduledExecutorService thread;
  private final Counter written;
  private final Counter failed;

  /**
   * Opens the noise store at the config's store URL and starts syncing.
   *
   * @throws StoreException when the store cannot be opened
   */
  public NoiseSync(LiveRoutes routes, MeterRegistry registry) {
    this.routes = routes;
    this.store = NoiseStore.open(routes.current().config().state().store());
    this.written = Counter.builder("edge_noise_writes_total").tag("result", "ok").register(registry);
    this.failed = Counter.builder("edge_noise_writes_total").tag("result", "failed").register(registry);
    FunctionCounter.builder("edge_noise_dropped_total", model, NoiseModel::dropped)
        .description("Observations of path shapes left out of the noise model (shapes per route bound)")
        .register(registry);
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "noise-sync");
      t.setDaemon(true);
      return t;
    });
    try {
      model.stored(store.load());
    } catch (StoreException e) {
      LOG.warn("cannot read the fleet's noise counts yet: {}", e.getMessage());
    }
    thread.scheduleWithFixedDelay(this::sync, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Learning and classifying over the shared model (judge threads use it). */
  public NoiseLearning learning() {
    return learning;
  }

  /** The model (the admin endpoint reads it). */
  public NoiseModel model() {
    return model;
  }

  private void sync() {
    boolean learning = routes.current().config().routes().stream().anyMatch(r -> r.shadow().noise().sample() > 0);
    Map<String, NoiseCounts> pending = model.takePending();
    if (!learning && pending.isEmpty()) {
      model.stored(null);
      return;
    }
    try {
      if (!pending.isEmpty()) {
        store.add(pending);
        written.increment();
      }
    } catch (StoreException e) {
      failed.increment();
      model.unstored();
      LOG.warn("cannot store the noise counts (kept for the next try): {}", e.getMessage());
      return;
    }
    try {
      model.stored(store.load());
    } catch (StoreException e) {
      model.stored(null);
      LOG.warn("cannot read the fleet's noise counts: {}", e.getMessage());
    }
  }

  /** Stops syncing after one last write of what was learned. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
      sync();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      store.close();
    }
  }
}
