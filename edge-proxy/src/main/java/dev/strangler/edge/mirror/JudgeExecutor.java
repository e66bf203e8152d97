package dev.strangler.edge.mirror;

import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.judge.Judge;
import dev.strangler.judge.Observation;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Outcome;
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
 * Judges completed shadow pairs on worker threads behind a queue bounded in pairs (full: the
 * pair is dropped and counted), counts the outcome, and hands every record that is not a match to
 * the discrepancy writer. Pairs arrive in batches, one task each, so a busy edge wakes a worker
 * once per batch. Extraction, decompression and diffing never run on an event loop.
 */
public final class JudgeExecutor implements Shadowing.PairJudge {
  private static final Logger LOG = LoggerFactory.getLogger(JudgeExecutor.class);

  private final LiveRoutes routes;
  private final ShadowOutcomes outcomes;
  private final DiscrepancyWriter writer;
  private final ThreadPoolExecutor pool;
  private final int capacity;
  private final AtomicInteger queued = new AtomicInteger();
  private volatile Judge judge;
  private volatile Object judgeConfig;

  /**
   * @param threads worker threads
   * @param queue   pairs waiting for a worker at most
   */
  public JudgeExecutor(LiveRoutes routes, ShadowOutcomes outcomes, DiscrepancyWriter writer, int threads, int queue) {
    this.routes = routes;
    this.outcomes = outcomes;
    this.writer = writer;
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

  @Override
  public int submit(List<ShadowPair> pairs) {
    int room = capacity - queued.get();
    int n = Math.min(room, pairs.size());
    if (n <= 0) {
      return 0;
    }
    queued.addAndGet(n);
    List<ShadowPair> taken = n == pairs.size() ? pairs : pairs.subList(0, n);
    try {
      pool.execute(() -> taken.forEach(this::judge));
      return n;
    } catch (RejectedExecutionException e) {
      queued.addAndGet(-n);
      return 0;
    }
  }

  private void judge(ShadowPair pair) {
    queued.decrementAndGet();
    DiscrepancyRecord r;
    try {
      r = judge().judge(pair.route, observe(pair));
    } catch (RuntimeException e) {
      LOG.error("judging a shadow pair of route {} failed", pair.route.id(), e);
      outcomes.count(pair.route.id(), Outcome.SKIPPED, "judge-error");
      return;
    }
    outcomes.count(pair.route.id(), r.outcome(), r.outcome() == Outcome.SHADOW_ERROR ? pair.shadowError : null);
    if (r.outcome() != Outcome.MATCH) {
      writer.offer(r);
    }
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

  private static Observation observe(ShadowPair pair) {
    CapturedResponse primary = ShadowPair.judged(pair.primary, pair.route);
    CapturedResponse shadow = pair.shadow == null ? null : ShadowPair.judged(pair.shadow, pair.route);
    return Observation.of(pair.requestHead.method().name(), pair.requestHead.uri(), pair.requestId, pair.at,
        pair.servedBy, primary, shadow, pair.shadowError);
  }

  /** Pairs waiting for a worker. */
  public int queued() {
    return queued.get();
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
