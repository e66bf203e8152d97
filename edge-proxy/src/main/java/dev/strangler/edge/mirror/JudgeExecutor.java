package dev.strangler.edge.mirror;

import dev.strangler.config.RouteConfig;
import dev.strangler.edge.metrics.MirroredAnswers;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.judge.Judge;
import dev.strangler.judge.Observation;
import dev.strangler.noise.NoiseLearning;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import dev.strangler.store.DiscrepancyWriter;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges tasks on worker threads behind a queue bounded in tasks, settles each task's outcome in
 * the ledger (a task the queue has no room for settles as dropped, {@code judge-queue-full}; one
 * whose judging throws as skipped, {@code judge-error}; one that comes after {@link #close}, or is
 * still queued when close gives up waiting, as dropped, {@code shutdown}), and hands every record
 * that is not a match to the discrepancy writer. On a route that learns noise, a task carrying the
 * serving side's second answer teaches the noise model first, and a diff made only of learned
 * noise settles as {@code noise} ({@link NoiseLearning}). Tasks arrive in batches, one executor
 * task each, so a busy edge wakes a worker once per batch. Extraction, decompression and diffing
 * never run on an event loop.
 */
final class JudgeExecutor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JudgeExecutor.class);
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final LiveRoutes routes;
  private final MirroredAnswers mirrored;
  private final OutcomeLedger ledger;
  private final DiscrepancyWriter writer;
  private final NoiseLearning noise;
  private final ThreadPoolExecutor pool;
  private final int capacity;
  private final AtomicInteger queued = new AtomicInteger();
  private volatile Judge judge;
  private volatile Object judgeConfig;
  private volatile boolean abandoned;

  /**
   * @param threads worker threads
   * @param queue   tasks waiting for a worker at most
   */
  JudgeExecutor(LiveRoutes routes, OutcomeLedger ledger, DiscrepancyWriter writer, NoiseLearning noise,
      MirroredAnswers mirrored, int threads, int queue) {
    this.routes = routes;
    this.mirrored = mirrored;
    this.ledger = ledger;
    this.writer = writer;
    this.noise = noise;
    this.capacity = queue;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
        r -> {
          Thread t = new Thread(r, "shadow-judge-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Queues the first tasks of a batch, as many as the queue has room for; the rest settle as
   * dropped. Never blocks.
   */
  void submit(List<JudgeTask> tasks) {
    int taken = take(tasks);
    String reason = pool.isShutdown() ? ShadowTap.SHUTDOWN : "judge-queue-full";
    for (int i = taken; i < tasks.size(); i++) {
      ledger.settle(tasks.get(i).route().id(), Outcome.DROPPED, reason);
    }
  }

  /** Queues the first tasks the queue has room for and returns how many. */
  private int take(List<JudgeTask> tasks) {
    int room = capacity - queued.get();
    int n = Math.min(room, tasks.size());
    if (n <= 0) {
      return 0;
    }
    queued.addAndGet(n);
    List<JudgeTask> taken = n == tasks.size() ? tasks : tasks.subList(0, n);
    try {
      pool.execute(() -> taken.forEach(this::judge));
      return n;
    } catch (RejectedExecutionException e) {
      queued.addAndGet(-n);
      return 0;
    }
  }

  private void judge(JudgeTask task) {
    queued.decrementAndGet();
    String route = task.route().id();
    recordShadow(route, task.observation());
    if (abandoned) {
      ledger.settle(route, Outcome.DROPPED, ShadowTap.SHUTDOWN);
      return;
    }
    DiscrepancyRecord r;
    try {
      r = noise(task, judge().judge(task.route(), task.observation()));
    } catch (RuntimeException e) {
      LOG.error("judging a shadow pair of route {} failed", route, e);
      ledger.settle(route, Outcome.SKIPPED, "judge-error");
      return;
    }
    ledger.settle(route, task.observation().servedBy(), r.outcome(), switch (r.outcome()) {
      case SHADOW_ERROR -> task.shadowError();
      case SKIPPED -> r.reason();
      default -> null;
    });
    if (r.outcome() != Outcome.MATCH && r.outcome() != Outcome.SKIPPED) {
      writer.offer(r);
    }
  }

  /** The shadow side's answer, or its failure, for its latency and error figures. */
  private void recordShadow(String route, Observation o) {
    Side shadow = o.servedBy() == Side.LEGACY ? Side.NEW : Side.LEGACY;
    CapturedResponse answer = o.response(shadow);
    if (o.error(shadow) == null && answer != null) {
      mirrored.answered(route, shadow, answer.status(), answer.latencyMs());
    } else {
      mirrored.failed(route, shadow);
    }
  }

  /** Learns from the task's repeat, if any, and tells noise from a diff, on routes that learn noise. */
  private DiscrepancyRecord noise(JudgeTask task, DiscrepancyRecord r) {
    RouteConfig route = task.route();
    if (route.shadow().noise().sample() <= 0) {
      return r;
    }
    Observation o = task.observation();
    if (task.repeat() != null && o.response(o.servedBy()) != null) {
      noise.learn(route, o.servedBy(), o.response(o.servedBy()), task.repeat());
    }
    return noise.classify(route, r);
  }

  /** The judge of the config in force (its masking rules), rebuilt after a reload. */
  private Judge judge() {
    var config = routes.current().config();
    if (judgeConfig != config) {
      judge = new Judge(config.mask());
      judgeConfig = config;
    }
    return judge;
  }

  /**
   * Takes no more tasks and waits (up to 5 s) for the queued ones to be judged; those still queued
   * then settle as dropped ({@code shutdown}) without being judged.
   */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        abandoned = true;
        LOG.warn("judge: {} task(s) still queued at close are counted dropped (shutdown)", queued.get());
        pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
