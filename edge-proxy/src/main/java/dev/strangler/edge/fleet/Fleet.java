package dev.strangler.edge.fleet;

import dev.strangler.config.EdgeConfig;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.store.InstanceRecord;
import dev.strangler.store.InstanceState;
import dev.strangler.store.StateStore;
import dev.strangler.store.StoreException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This edge's membership of the fleet of edges sharing its state store. It names the instance and
 * runs three threads, each on a store connection of its own and never on the data plane's: the
 * audit sync (every {@value #POLL_MILLIS} ms, or at once when {@link FlipListener} hears a flip on
 * PostgreSQL, it reads the audit sequence and applies the entries this instance has not applied
 * yet, in order), the heartbeat (this instance's row of the fleet table every
 * {@value #BEAT_MILLIS} ms) and the listener. Whether the store answers is the sync's finding.
 * Series: {@code edge_store_up}, {@code edge_audit_seq_applied}.
 */
public final class Fleet implements AutoCloseable {
  static final long POLL_MILLIS = 500;
  static final long BEAT_MILLIS = 1000;
  /** An instance silent for three heartbeats is gone. */
  static final Duration GONE_AFTER = Duration.ofMillis(3 * BEAT_MILLIS);
  /** Rows of instances silent this long are deleted when an instance starts. */
  static final Duration FORGET_AFTER = Duration.ofDays(1);
  private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

  private final String id;
  private final String address;
  private final String version;
  private final Instant started = Instant.ofEpochMilli(System.currentTimeMillis());
  private final StateStore store;
  private final StateStore syncStore;
  private final StateStore beatStore;
  private final LiveRoutes routes;
  private final StoreHealth health = new StoreHealth("audit sync",
      "serving the last known routing table; flips answer 503 until it returns");
  private final StoreLoop sync;
  private final StoreLoop heartbeat;
  private final FlipListener listener;
  private volatile InstanceState state = InstanceState.SERVING;

  private Fleet(EdgeConfig cfg, StateStore store, LiveRoutes routes, MeterRegistry registry, int proxyPort) {
    this.id = InstanceId.resolve(cfg.state().instance());
    this.address = cfg.listen().host() + ":" + proxyPort;
    this.version = Objects.requireNonNullElse(Fleet.class.getPackage().getImplementationVersion(), "dev");
    this.store = store;
    this.routes = routes;
    this.syncStore = store.withOwnConnection();
    this.beatStore = store.withOwnConnection();
    Gauge.builder("edge_store_up", health, h -> h.up() ? 1 : 0)
        .description("Whether the state store answers (1) or not (0)")
        .register(registry);
    Gauge.builder("edge_audit_seq_applied", routes, LiveRoutes::appliedSeq)
        .description("Sequence number of the last flip applied by this instance")
        .register(registry);
    forgetLongGone();
    this.sync = new StoreLoop("fleet-sync", POLL_MILLIS, health,
        () -> routes.catchUp(syncStore, syncStore.latestSeq()), () -> { });
    this.heartbeat = new StoreLoop("fleet-heartbeat", BEAT_MILLIS,
        new StoreHealth("heartbeat", "this instance will look gone to the fleet until it returns"),
        this::beat, this::beat);
    this.listener = new FlipListener(store, sync::wake);
  }

  /**
   * Joins the fleet: starts the sync, the heartbeat and, on PostgreSQL, the listener.
   *
   * @param store     the edge's state store (the fleet opens connections of its own to it)
   * @param proxyPort the data plane's bound port, for this instance's address
   */
  public static Fleet start(EdgeConfig cfg, StateStore store, LiveRoutes routes, MeterRegistry registry,
      int proxyPort) {
    Fleet fleet = new Fleet(cfg, store, routes, registry, proxyPort);
    LOG.info("fleet instance {} ({}, version {})", fleet.id, fleet.address, fleet.version);
    return fleet;
  }

  /** This instance's name in the fleet table and in the audit entries of its flips. */
  public String instanceId() {
    return id;
  }

  /** Whether the state store answered the audit sync's last attempt. */
  public boolean storeUp() {
    return health.up();
  }

  /**
   * Every instance of the fleet table, with its state and config drift as of now. Blocking (JDBC).
   *
   * @throws StoreException when the store cannot be read
   */
  public List<InstanceStatus> instances() {
    return Roster.of(store.instances().list(), Instant.now(), GONE_AFTER);
  }

  /** Sets what this instance tells the fleet it is doing (a drain sets {@code DRAINING}), at once. */
  public void state(InstanceState next) {
    state = Objects.requireNonNull(next, "next");
    heartbeat.wake();
  }

  private void beat() {
    beatStore.instances().beat(new InstanceRecord(id, address, version, started,
        Instant.ofEpochMilli(System.currentTimeMillis()), routes.current().config().sha256(), routes.appliedSeq(),
        state));
  }

  private void forgetLongGone() {
    try {
      store.instances().forget(Instant.now().minus(FORGET_AFTER));
    } catch (StoreException e) {
      LOG.warn("could not forget long-gone instances: {}", StoreHealth.reason(e));
    }
  }

  /** Leaves the fleet: the threads stop and the last heartbeat says {@code gone}. */
  @Override
  public void close() {
    listener.close();
    sync.close();
    state = InstanceState.GONE;
    heartbeat.close();
    syncStore.close();
    beatStore.close();
  }
}
