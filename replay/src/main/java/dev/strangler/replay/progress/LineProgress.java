package dev.strangler.replay.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Plain progress lines on stderr at a fixed period, for logs and pipes. */
final class LineProgress implements Progress {
  private final long total;
  private final PrintStream err;
  private final Supplier<String> status;
  private final long started = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final ScheduledExecutorService timer;

  LineProgress(long total, PrintStream err, long periodMillis, Supplier<String> status) {
    this.total = total;
    this.err = err;
    this.status = status;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "replay-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::print, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void step() {
    done.incrementAndGet();
  }

  private void print() {
    long n = done.get();
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    err.printf(Locale.ROOT, "replay: %d%s done, %.1f/s, %s%n", n, total < 0 ? "" : "/" + total, n / seconds,
        status.get());
  }

  @Override
  public void close() {
    timer.shutdownNow();
    print();
  }
}
