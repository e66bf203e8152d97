package dev.strangler.edge.capture;

import dev.strangler.capture.CaptureJson;
import dev.strangler.capture.CaptureLine;
import dev.strangler.config.MaskConfig;
import dev.strangler.record.Masker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records sampled exchanges to rotating JSONL.gz capture files under {@code state.dir/captures},
 * off the event loop: {@link #offer} never blocks (a full queue drops and counts), one daemon
 * thread masks secrets ({@link CaptureLine#masked}: Authorization, Cookie, Set-Cookie, configured
 * headers, query parameters and JSON paths in JSON bodies), serializes and writes in batches.
 * Bodies arrive already capped at the route's {@code shadow.max-body}; a cut body is marked with
 * {@code X-Edge-Truncated}.
 */
public final class CaptureWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureWriter.class);
  private static final int BATCH = 256;

  private final BlockingQueue<CaptureLine> queue;
  private final RollingGzipFiles files;
  private final Supplier<MaskConfig> mask;
  private final Thread thread;
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean closing;

  /**
   * @param dir       capture directory
   * @param mask      the masking rules in force (read per batch, so a reload applies)
   * @param capacity  lines waiting at most
   * @param maxBytes  compressed size at which a new file starts
   * @param maxAge    age at which a new file starts
   * @param keepFiles capture files kept; older ones are deleted
   */
  public CaptureWriter(Path dir, Supplier<MaskConfig> mask, int capacity, long maxBytes, Duration maxAge, int keepFiles) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.files = new RollingGzipFiles(dir, maxBytes, maxAge, keepFiles, Clock.systemUTC());
    this.mask = mask;
    this.thread = new Thread(this::run, "capture-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a line; never blocks (a full queue or a closed writer drops and counts it). */
  public void offer(CaptureLine line) {
    offered.incrementAndGet();
    if (closing || !queue.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  private void run() {
    List<CaptureLine> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        CaptureLine first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closing = true;
      } finally {
        batch.clear();
      }
    }
    try {
      files.close();
    } catch (IOException e) {
      LOG.error("closing capture file {} failed", files.current(), e);
    }
  }

  private void write(List<CaptureLine> batch) {
    Masker masker = new Masker(mask.get());
    try {
      for (CaptureLine line : batch) {
        files.write(CaptureJson.write(line.masked(masker)));
      }
      files.flush();
      written.addAndGet(batch.size());
    } catch (IOException | RuntimeException e) {
      failed.addAndGet(batch.size());
      LOG.error("writing {} capture lines to {} failed", batch.size(), files.current(), e);
    }
  }

  public long offered() {
    return offered.get();
  }

  public long written() {
    return written.get();
  }

  public long dropped() {
    return dropped.get();
  }

  public long failed() {
    return failed.get();
  }

  /** Counters for metrics. */
  public Map<String, Long> counters() {
    return Map.of("offered", offered(), "written", written(), "dropped", dropped(), "failed", failed());
  }

  /** Waits until everything offered so far is written or failed (tests, shutdown). */
  public void flush(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (written.get() + failed.get() + dropped.get() < offered.get() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  /** Takes no more lines, writes those queued and closes the file (waits up to 10 s). */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
