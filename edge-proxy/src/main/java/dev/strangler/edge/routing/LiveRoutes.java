package dev.strangler.edge.routing;

import dev.strangler.config.ConfigException;
import dev.strangler.config.EdgeConfig;
import dev.strangler.routing.Weight;
import dev.strangler.store.AuditEntry;
import dev.strangler.store.Flip;
import dev.strangler.store.StateStore;
import dev.strangler.store.StoreException;
import dev.strangler.store.WeightChange;
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
 * writers (cutover, audit catch-up, reload) swap a new immutable snapshot in atomically, so a flip
 * applies from the next request on and an in-flight request finishes on the side it began with.
 *
 * <p>Overrides (a weight per changed route) follow the store's audit log: every instance sharing the store applies the same
 * entries in sequence order ({@link #applyAudit(List)}), and {@link #appliedSeq()} says how far it got.
 */
public final class LiveRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(LiveRoutes.class);
  private static final int CATCH_UP_PAGE = 500;

  private final AtomicReference<RoutingSnapshot> current;
  private final StateStore store;
  private final AuditTaken taken;
  private volatile long appliedSeq;
  private volatile String reloadError;

  /**
   * Starts from a config and the overrides already in the store (they survive restarts). The
   * audit sequence is read before the overrides, so a flip stored in between is applied again
   * later, which changes nothing.
   */
  public LiveRoutes(EdgeConfig config, StateStore store) {
    this(config, store, AuditTaken.NONE);
  }

  /** Like {@link #LiveRoutes(EdgeConfig, StateStore)}; {@code taken} hears each entry this instance takes. */
  public LiveRoutes(EdgeConfig config, StateStore store, AuditTaken taken) {
    this.store = store;
    this.taken = taken;
    this.appliedSeq = store.latestSeq();
    this.current = new AtomicReference<>(RoutingSnapshot.of(config, store.overrides()));
  }

  /** The snapshot in force. */
  public RoutingSnapshot current() {
    return current.get();
  }

  /** The sequence number of the last audit entry applied to the overrides. */
  public long appliedSeq() {
    return appliedSeq;
  }

  /**
   * Takes a flip: the store decides it (against the primary it has in force, see
   * {@link StateStore#recordCutover}) and records it, then this instance applies it at once
   * (with any entries before it that it had not applied yet) and tells {@link AuditTaken}.
   * Blocking (JDBC): call from a worker thread, never from an event loop.
   *
   * @throws NoSuchElementException when no route has this id
   * @throws dev.strangler.store.CutoverConflict when the flip expected another primary
   * @throws StoreException when the store cannot be reached; nothing changed
   */
  public AuditEntry cutover(Flip flip) {
    var route = current.get().route(flip.route()).orElseThrow(() -> new NoSuchElementException(flip.route()));
    return applyNow(store.recordCutover(flip, route.primary()));
  }

  /**
   * Takes a weight change like {@link #cutover} a flip: decided and recorded by the store, then
   * applied here at once. Blocking (JDBC).
   *
   * @throws NoSuchElementException when no route has this id
   * @throws dev.strangler.store.CutoverConflict when the change expected another weight
   * @throws StoreException when the store cannot be reached; nothing changed
   */
  public AuditEntry weight(WeightChange change) {
    var route = current.get().route(change.route()).orElseThrow(() -> new NoSuchElementException(change.route()));
    return applyNow(store.recordWeight(change, route.primary()));
  }

  private AuditEntry applyNow(AuditEntry entry) {
    LOG.info("{} route={} {} -> {} (weight {} -> {}) seq={} actor={} instance={}", entry.action().id(), entry.route(),
        entry.from(), entry.to(), entry.fromWeight().toNew(), entry.toWeight().toNew(), entry.seq(), entry.actor(),
        entry.instance());
    applyAudit(List.of(entry));
    try {
      catchUp(store, entry.seq());
    } catch (StoreException e) {
      LOG.warn("{} seq={} is stored; it applies here once the entries before it are read: {}",
          entry.action().id(), entry.seq(), e.getMessage());
    }
    taken.taken(entry, current.get().config());
    return entry;
  }

  /**
   * Reads the audit entries after {@link #appliedSeq()} from {@code source} and applies them,
   * until {@code upTo} is applied or the log has no more. Blocking (JDBC).
   *
   * @throws StoreException when the store cannot be read; what was applied stays
   */
  public void catchUp(StateStore source, long upTo) {
    while (appliedSeq < upTo) {
      List<AuditEntry> next = source.audit(appliedSeq, CATCH_UP_PAGE);
      if (next.isEmpty() || !applyAudit(next)) {
        return;
      }
    }
  }

  /**
   * Applies audit entries in sequence order: an entry already applied is skipped; one that would
   * leave a gap stops the run. The snapshot is swapped once for the run.
   *
   * @return whether any entry was applied
   */
  public synchronized boolean applyAudit(List<AuditEntry> entries) {
    RoutingSnapshot snap = current.get();
    Map<String, Weight> overrides = new HashMap<>(snap.overrides());
    long seq = appliedSeq;
    for (AuditEntry e : entries) {
      if (e.seq() == seq + 1) {
        overrides.put(e.route(), e.toWeight());
        seq = e.seq();
      } else if (e.seq() > seq + 1) {
        break;
      }
    }
    if (seq == appliedSeq) {
      return false;
    }
    current.set(snap.withOverrides(overrides));
    appliedSeq = seq;
    return true;
  }

  /**
   * The audit log of flips and weight changes with seq greater than afterSeq, oldest first, at most limit.
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
