package dev.strangler.replay;

import dev.strangler.replay.input.Inputs;
import dev.strangler.replay.input.Item;
import dev.strangler.replay.input.Problem;
import dev.strangler.replay.progress.Progress;
import dev.strangler.replay.report.Percent;
import dev.strangler.replay.report.Report;
import dev.strangler.replay.report.ReportBuilder;
import dev.strangler.replay.report.ReportFiles;
import dev.strangler.replay.report.RunInfo;
import dev.strangler.replay.report.Tally;
import dev.strangler.replay.send.Pacer;
import dev.strangler.replay.step.Decision;
import dev.strangler.replay.step.Selection;
import dev.strangler.replay.step.Step;
import dev.strangler.replay.step.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One replay run: reads the inputs in order, selects items, judges the selected ones on a
 * bounded pool ({@code concurrency} in flight, paced by the {@link Pacer}), tallies the verdicts
 * and writes the report. Ctrl-C (a shutdown hook) stops the run and writes the partial report.
 */
public final class ReplayJob {
  private final Inputs inputs;
  private final Selection selection;
  private final Step step;
  private final Settings settings;
  private final ReportBuilder builder;
  private final RunInfo run;
  private final Tally tally = new Tally();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean written = new AtomicBoolean();

  /**
   * How a job runs.
   *
   * @param concurrency items judged at once
   * @param pacer       paces the items sent
   * @param limit       items to take at most (after filters)
   * @param reportDir   where the report goes
   * @param console     whether to show a live bar rather than plain lines
   * @param err         where progress goes
   * @param clock       the time of {@code generated_at}
   */
  public record Settings(int concurrency, Pacer pacer, long limit, Path reportDir, boolean console,
      PrintStream err, Clock clock) {}

  public ReplayJob(Inputs inputs, Selection selection, Step step, Settings settings, ReportBuilder builder, RunInfo run) {
    this.inputs = inputs;
    this.selection = selection;
    this.step = step;
    this.settings = settings;
    this.builder = builder;
    this.run = run;
  }

  /** Runs to the end and writes the report into the report directory. */
  public Report run() throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), daemonThreads());
    Thread hook = new Thread(() -> interrupt(pool), "replay-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Progress progress = Progress.start(settings.console() ? expected() : -1, settings.console(), settings.err(),
        this::status)) {
      read(pool, progress);
      pool.shutdown();
      awaitQuietly(pool, Long.MAX_VALUE);
    } finally {
      removeHook(hook);
    }
    return write(cancelled.get());
  }

  private void read(ExecutorService pool, Progress progress) {
    Semaphore inFlight = new Semaphore(settings.concurrency());
    long[] taken = new long[1];
    inputs.read(item -> {
      if (cancelled.get()) {
        return false;
      }
      if (item instanceof Problem p) {
        tally.problem(p);
        return true;
      }
      Decision d = selection.decide(item);
      if (d instanceof Decision.Filtered) {
        return true;
      }
      if (taken[0]++ >= settings.limit()) {
        return false;
      }
      if (d instanceof Decision.Skip s) {
        tally.skipped(item.position(), s.route(), s.reason());
        progress.step();
        return true;
      }
      try {
        inFlight.acquire();
        settings.pacer().await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      try {
        pool.execute(() -> {
          try {
            judge(item, (Decision.Judge) d);
          } finally {
            inFlight.release();
            progress.step();
          }
        });
      } catch (RejectedExecutionException e) {
        inFlight.release();
        return false;
      }
      return true;
    });
  }

  private void judge(Item item, Decision.Judge d) {
    try {
      Verdict v = step.apply(item, d.route());
      if (v instanceof Verdict.Judged j) {
        tally.judged(item.position(), j.record());
        j.problems().forEach(tally::problem);
      } else {
        tally.skipped(item.position(), d.route().id(), ((Verdict.Skipped) v).reason());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      tally.problem(new Problem(item.position(), "cannot judge: " + e));
    }
  }

  /** The running state for the progress display. */
  private String status() {
    int problems = tally.problems();
    return "parity " + Percent.of(tally.total().parity()) + (problems > 0 ? ", problems: " + problems : "");
  }

  /** How many items the run will take: a first pass over the inputs, for the progress bar. */
  private long expected() {
    long[] n = new long[1];
    inputs.read(item -> {
      if (!(item instanceof Problem) && !(selection.decide(item) instanceof Decision.Filtered)) {
        n[0]++;
      }
      return n[0] < settings.limit();
    });
    return n[0];
  }

  /** Ctrl-C: stop reading, abandon items in flight, write what was judged. */
  private void interrupt(ExecutorService pool) {
    cancelled.set(true);
    pool.shutdownNow();
    awaitQuietly(pool, 5);
    try {
      write(true);
    } catch (IOException | RuntimeException e) {
      settings.err().println("replay: cannot write the partial report: " + e);
    }
  }

  /**
   * Writes the report once. Synchronized: when Ctrl-C lands while the main thread is writing,
   * the shutdown hook waits here for that write to finish instead of letting the JVM halt
   * half-way through it.
   */
  private synchronized Report write(boolean interrupted) throws IOException {
    Report report = builder.build(tally.snapshot(),
        run.finished(inputs.summaries(), interrupted, settings.clock().instant()));
    if (written.compareAndSet(false, true)) {
      ReportFiles.write(report, settings.reportDir());
    }
    return report;
  }

  private static void awaitQuietly(ExecutorService pool, long seconds) {
    try {
      pool.awaitTermination(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook writes the partial report
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "replay-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
