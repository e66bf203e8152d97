package dev.strangler.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.strangler.record.DiscrepancyRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes discrepancy records to a {@link DiscrepancyStore} off the caller's thread. {@link #offer}
 * never blocks: a full queue drops the record and counts it. One daemon thread drains the queue
 * in batches (up to {@value #BATCH} records, or what arrived within {@value #LINGER_MS} ms of the
 * first) and writes each batch in one transaction.
 *
 * <p>Sampling: per fingerprint and window (starting at the fingerprint's first record), the
 * first {@code samplesPerWindow} records are stored whole; the rest only add to the group's
 * count. A failing database does not stop the thread: a failed batch is retried (counted in
 * {@link #failedWrites()}) up to {@value #ATTEMPTS} times, then given up and its records counted
 * in {@link #lost()}; meanwhile new records queue up and, once the queue is full, are dropped.
 */
public final class DiscrepancyWriter implements AutoCloseable {
  static final int BATCH = 500;
  static final long LINGER_MS = 200;
  static final int ATTEMPTS = 5;
  private static final long RETRY_PAUSE_MS = 500;
  private static final long MAX_FINGERPRINTS = 100_000;
  private static final Logger LOG = LoggerFactory.getLogger(DiscrepancyWriter.class);

  private final DiscrepancyStore store;
  private final BlockingQueue<DiscrepancyRecord> queue;
  private final int samplesPerWindow;
  private final Cache<String, AtomicInteger> seenInWindow;
  private final Thread thread;

  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong sampledOut = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final Object settledLock = new Object();
  private long settled;
  private volatile boolean closing;

  /**
   * Starts the writer thread.
   *
   * @param store            where batches go (not closed by this writer)
   * @param capacity         most records waiting at once
   * @param samplesPerWindow records of one fingerprint stored whole per window (at least 1)
   * @param window           sampling window per fingerprint
   */
  public DiscrepancyWriter(DiscrepancyStore store, int capacity, int samplesPerWindow, Duration window) {
    this(store, capacity, samplesPerWindow, window, Ticker.systemTicker());
  }

  DiscrepancyWriter(
      DiscrepancyStore store, int capacity, int samplesPerWindow, Duration window, Ticker ticker) {
    if (capacity <= 0 || samplesPerWindow <= 0 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "capacity, samplesPerWindow and window must be positive");
    }
    this.store = store;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.samplesPerWindow = samplesPerWindow;
    this.seenInWindow = Caffeine.newBuilder()
        .expireAfterWrite(window)
        .maximumSize(MAX_FINGERPRINTS)
        .ticker(ticker)
        .executor(Runnable::run)
        .build();
    this.thread = new Thread(this::run, "discrepancy-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a record; false (and counted as dropped) when the queue is full or closed. */
  public boolean offer(DiscrepancyRecord record) {
    offered.incrementAndGet();
    if (closing || !queue.offer(record)) {
      dropped.incrementAndGet();
      return false;
    }
    return true;
  }

  /** Records offered, dropped or not. */
  public long offered() {
    return offered.get();
  }

  /** Records refused by {@link #offer} because the queue was full or the writer closed. */
  public long dropped() {
    return dropped.get();
  }

  /** Records stored whole. */
  public long stored() {
    return stored.get();
  }

  /** Records only counted in their group because their fingerprint's window was full. */
  public long sampledOut() {
    return sampledOut.get();
  }

  /** Batch writes that failed (each retry that fails counts again). */
  public long failedWrites() {
    return failedWrites.get();
  }

  /** Records given up after their batch failed {@value #ATTEMPTS} times. */
  public long lost() {
    return lost.get();
  }

  /**
   * Waits until every record accepted before this call is written or given up.
   *
   * @return false when that did not happen within the timeout
   */
  public boolean flush(Duration timeout) throws InterruptedException {
    long target = offered.get() - dropped.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (settledLock) {
      while (settled < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(settledLock, left);
      }
    }
    return true;
  }

  /** {@link #flush(Duration)} with 30 seconds. */
  public boolean flush() throws InterruptedException {
    return flush(Duration.ofSeconds(30));
  }

  private void run() {
    while (!closing || !queue.isEmpty()) {
      try {
        List<DiscrepancyRecord> batch = nextBatch();
        if (!batch.isEmpty()) {
          write(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("discrepancy writer: unexpected failure, continuing", e);
      }
    }
  }

  private List<DiscrepancyRecord> nextBatch() throws InterruptedException {
    List<DiscrepancyRecord> batch = new ArrayList<>();
    DiscrepancyRecord first = queue.poll(LINGER_MS, TimeUnit.MILLISECONDS);
    if (first == null) {
      return batch;
    }
    batch.add(first);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MS);
    while (batch.size() < BATCH) {
      queue.drainTo(batch, BATCH - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() >= BATCH || left <= 0 || closing) {
        break;
      }
      DiscrepancyRecord next = queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      batch.add(next);
    }
    return batch;
  }

  private void write(List<DiscrepancyRecord> batch) throws InterruptedException {
    List<DiscrepancyRecord> whole = new ArrayList<>();
    Map<String, GroupDelta> counts = new LinkedHashMap<>();
    for (DiscrepancyRecord r : batch) {
      int n = seenInWindow.get(r.fingerprint(), k -> new AtomicInteger()).incrementAndGet();
      boolean keep = n <= samplesPerWindow;
      if (keep) {
        whole.add(r);
      }
      counts.merge(r.fingerprint(), GroupDelta.of(r, keep), GroupDelta::plus);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        store.write(whole, counts);
        stored.addAndGet(whole.size());
        sampledOut.addAndGet(batch.size() - whole.size());
        break;
      } catch (RuntimeException e) {
        failedWrites.incrementAndGet();
        if (attempt >= ATTEMPTS || closing) {
          LOG.error("discrepancy writer: giving up a batch of {} record(s) after {} attempt(s)",
              batch.size(), attempt, e);
          lost.addAndGet(batch.size());
          break;
        }
        LOG.warn("discrepancy writer: writing a batch failed (attempt {}), retrying", attempt, e);
        Thread.sleep(RETRY_PAUSE_MS * attempt);
      }
    }
    settle(batch.size());
  }

  private void settle(int count) {
    synchronized (settledLock) {
      settled += count;
      settledLock.notifyAll();
    }
  }

  /** Stops accepting records, writes what is queued and stops the thread (waits up to 30 s). */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("discrepancy writer: {} record(s) still queued at close", queue.size());
      thread.interrupt();
      return;
    }
    int leftBehind = queue.size();
    queue.clear();
    if (leftBehind > 0) {
      lost.addAndGet(leftBehind);
      settle(leftBehind);
    }
  }

  /** Records waiting in the queue (for tests). */
  int queued() {
    return queue.size();
  }
}
