package dev.strangler.edge.routing;

import dev.strangler.config.ConfigException;
import dev.strangler.config.EdgeConfig;
import dev.strangler.routing.Side;
import dev.strangler.store.AuditEntry;
import dev.strangler.store.StateStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing table in force. Readers take {@link #current()} (a volatile read, never blocks);
 * writers (cutover, reload) persist first, then swap a new immutable snapshot in atomically, so a
 * flip applies from the next request on and an in-flight request finishes on the side it began
 * with.
 */
public final class LiveRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(LiveRoutes.class);

  private final AtomicReference<RoutingSnapshot> current;
  private final StateStore store;
  private volatile String reloadError;

  /** Starts from a config and the overrides already in the store (they survive restarts). */
  public LiveRoutes(EdgeConfig config, StateStore store) {
    this.store = store;
    this.current = new AtomicReference<>(RoutingSnapshot.of(config, store.overrides()));
  }

  /** The snapshot in force. */
  public RoutingSnapshot current() {
    return current.get();
  }

  /**
   * Flips one route's primary: stores the override and the audit entry, then swaps the snapshot.
   * Blocking (JDBC): call from a worker thread, never from an event loop.
   *
   * @throws NoSuchElementException when no route has this id
   */
  public synchronized AuditEntry cutover(String routeId, Side to, String reason, String actor) {
    RoutingSnapshot snap = current.get();
    var route = snap.route(routeId).orElseThrow(() -> new NoSuchElementException(routeId));
    Side from = snap.primaryOf(route);
    AuditEntry entry = store.recordCutover(routeId, from, to, reason, actor);
    Map<String, Side> overrides = new HashMap<>(snap.overrides());
    overrides.put(routeId, to);
    current.set(snap.withOverrides(overrides));
    LOG.info("cutover route={} {} -> {} seq={} actor={}", routeId, from, to, entry.seq(), actor);
    return entry;
  }

  /**
   * The audit log of flips with seq greater than afterSeq, oldest first, at most limit.
   * Blocking (JDBC), like {@link #cutover}.
   */
  public List<AuditEntry> audit(long afterSeq, int limit) {
    return store.audit(afterSeq, limit);
  }

  /** Applies a reloaded config; the overrides in force are kept. */
  public synchronized void apply(EdgeConfig config) {
    current.set(RoutingSnapshot.of(config, current.get().overrides()));
    reloadError = null;
    LOG.info("routes reloaded from {}: {} routes", config.source(), config.routes().size());
  }

  /** Records a refused reload: the running table stays. */
  public void refuse(ConfigException e) {
    reloadError = e.getMessage();
    LOG.error("routes.yaml refused, keeping the running table: {}", e.getMessage());
  }

  /** The last refused reload's error, until a valid config is applied. */
  public Optional<String> reloadError() {
    return Optional.ofNullable(reloadError);
  }
}
