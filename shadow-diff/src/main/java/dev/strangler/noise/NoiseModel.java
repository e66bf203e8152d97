package dev.strangler.noise;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The noise model of every route: per route, same-side pairs compared, pairs holding each path
 * shape, pairs in which each (shape, kind) differed. Thread-safe. It holds three layers, summed
 * on every read: the totals last loaded from the store (shared by the fleet and across restarts),
 * the counts being written to it, and the counts since. Bounded: at most {@code maxShapes} shapes
 * per route are learned; observations of more are left out and counted ({@link #dropped()}).
 */
public final class NoiseModel {
  /** Shapes learned per route at most, by default. */
  public static final int MAX_SHAPES = 2000;

  private final int maxShapes;
  private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
  private final LongAdder dropped = new LongAdder();
  private volatile Layers layers = new Layers(Map.of(), Map.of());
  private volatile ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

  /** The stored totals and the counts being written, swapped together. */
  private record Layers(Map<String, NoiseCounts> base, Map<String, NoiseCounts> flushing) {
    NoiseCounts of(String route) {
      return base(route).plus(flushing.getOrDefault(route, NoiseCounts.NONE));
    }

    NoiseCounts base(String route) {
      return base.getOrDefault(route, NoiseCounts.NONE);
    }

    long observed(String route, String shape) {
      return base(route).observed(shape) + flushing.getOrDefault(route, NoiseCounts.NONE).observed(shape);
    }

    long differed(String route, ShapeKind sk) {
      return base(route).differed(sk) + flushing.getOrDefault(route, NoiseCounts.NONE).differed(sk);
    }
  }

  /** Counts not yet handed to the store. */
  private static final class Pending {
    final LongAdder observations = new LongAdder();
    final ConcurrentHashMap<String, LongAdder> observed = new ConcurrentHashMap<>();
    final ConcurrentHashMap<ShapeKind, LongAdder> differed = new ConcurrentHashMap<>();

    NoiseCounts counts() {
      Map<String, Long> obs = new HashMap<>();
      observed.forEach((k, v) -> obs.put(k, v.sum()));
      Map<ShapeKind, Long> diff = new HashMap<>();
      differed.forEach((k, v) -> diff.put(k, v.sum()));
      return new NoiseCounts(observations.sum(), obs, diff);
    }
  }

  public NoiseModel() {
    this(MAX_SHAPES);
  }

  public NoiseModel(int maxShapes) {
    this.maxShapes = maxShapes;
  }

  /**
   * Counts one same-side pair of a route: the shapes either answer held, and the (shape, kind)
   * pairs that differed between them.
   */
  public void observe(String route, Set<String> shapes, Set<ShapeKind> differed) {
    swap.readLock().lock();
    try {
      Pending p = pending.computeIfAbsent(route, k -> new Pending());
      NoiseCounts known = layers.base(route);
      p.observations.increment();
      for (String shape : shapes) {
        counter(p.observed, shape, known.observed().containsKey(shape), known.observed().size() + p.observed.size());
      }
      for (ShapeKind sk : differed) {
        boolean learned = known.differed().containsKey(sk);
        counter(p.differed, sk, learned, known.differed().size() + p.differed.size());
      }
    } finally {
      swap.readLock().unlock();
    }
  }

  private <K> void counter(ConcurrentHashMap<K, LongAdder> counts, K key, boolean known, int size) {
    LongAdder a = counts.get(key);
    if (a == null && !known && size >= maxShapes) {
      dropped.increment();
      return;
    }
    (a == null ? counts.computeIfAbsent(key, k -> new LongAdder()) : a).increment();
  }

  /** Pairs of a route that held the shape, all layers together. */
  public long observed(String route, String shape) {
    return read(() -> layers.observed(route, shape) + sum(pending.get(route), p -> p.observed.get(shape)));
  }

  /** Pairs of a route in which the (shape, kind) differed, all layers together. */
  public long differed(String route, ShapeKind sk) {
    return read(() -> layers.differed(route, sk) + sum(pending.get(route), p -> p.differed.get(sk)));
  }

  private static long sum(Pending p, Function<Pending, LongAdder> counter) {
    LongAdder a = p == null ? null : counter.apply(p);
    return a == null ? 0 : a.sum();
  }

  /** All that is known of a route: stored totals, counts being written, counts since. */
  public NoiseCounts counts(String route) {
    return read(() -> {
      Pending p = pending.get(route);
      NoiseCounts known = layers.of(route);
      return p == null ? known : known.plus(p.counts());
    });
  }

  /** Reads under the swap's read lock, so that no count is seen twice or not at all. */
  private <T> T read(Supplier<T> reading) {
    swap.readLock().lock();
    try {
      return reading.get();
    } finally {
      swap.readLock().unlock();
    }
  }

  /** Observations of shapes left out because their route had learned {@code maxShapes} already. */
  public long dropped() {
    return dropped.sum();
  }

  /**
   * Hands over the counts gathered since the last call, to be added to the store; they stay
   * visible until {@link #stored} or {@link #unstored} is called.
   */
  public Map<String, NoiseCounts> takePending() {
    swap.writeLock().lock();
    try {
      Map<String, NoiseCounts> taken = new HashMap<>();
      pending.forEach((route, p) -> taken.put(route, p.counts()));
      pending = new ConcurrentHashMap<>();
      layers = new Layers(layers.base(), Map.copyOf(taken));
      return taken;
    } finally {
      swap.writeLock().unlock();
    }
  }

  /**
   * The counts handed over were stored; {@code totals} is the store's content now, or null when
   * it could not be read (the counts handed over then join the totals known).
   */
  public void stored(Map<String, NoiseCounts> totals) {
    swap.writeLock().lock();
    try {
      Layers l = layers;
      if (totals != null) {
        layers = new Layers(Map.copyOf(totals), Map.of());
      } else if (!l.flushing().isEmpty()) {
        Map<String, NoiseCounts> merged = new HashMap<>(l.base());
        l.flushing().forEach((route, c) -> merged.merge(route, c, NoiseCounts::plus));
        layers = new Layers(Map.copyOf(merged), Map.of());
      }
    } finally {
      swap.writeLock().unlock();
    }
  }

  /** The counts handed over could not be stored: they are kept to be written with the next ones. */
  public void unstored() {
    swap.writeLock().lock();
    try {
      layers.flushing().forEach((route, c) -> {
        Pending p = pending.computeIfAbsent(route, k -> new Pending());
        p.observations.add(c.observations());
        c.observed().forEach((k, v) -> p.observed.computeIfAbsent(k, x -> new LongAdder()).add(v));
        c.differed().forEach((k, v) -> p.differed.computeIfAbsent(k, x -> new LongAdder()).add(v));
      });
      layers = new Layers(layers.base(), Map.of());
    } finally {
      swap.writeLock().unlock();
    }
  }
}
