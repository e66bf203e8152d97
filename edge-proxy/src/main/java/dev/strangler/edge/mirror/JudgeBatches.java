package dev.strangler.edge.mirror;

import io.netty.channel.SingleThreadEventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Collects the judge tasks an event loop makes during one iteration and hands them on together at
 * its end: one wake-up of a judge thread per iteration rather than one per pair. A loop that
 * cannot run end-of-iteration tasks hands each task on at once.
 */
final class JudgeBatches {
  private final Consumer<List<JudgeTask>> sink;
  private final Map<SingleThreadEventLoop, Batch> batches = new ConcurrentHashMap<>();

  /** @param sink takes each batch, on the loop that made it */
  JudgeBatches(Consumer<List<JudgeTask>> sink) {
    this.sink = sink;
  }

  /** Adds the task of a pair that ended; call on its loop. */
  void add(PairEnd.Judged judged) {
    if (!(judged.loop() instanceof SingleThreadEventLoop loop)) {
      sink.accept(List.of(judged.task()));
      return;
    }
    batches.computeIfAbsent(loop, Batch::new).add(judged.task());
  }

  /**
   * Waits until every batch made so far has been handed on: each loop that made one runs a marker
   * at the end of an iteration begun after this call, behind the batches already waiting there.
   *
   * @return false when a loop did not get there within {@code timeout}
   */
  boolean awaitHandedOver(Duration timeout) {
    List<CompletableFuture<Void>> markers = new ArrayList<>();
    for (SingleThreadEventLoop loop : batches.keySet()) {
      CompletableFuture<Void> marker = new CompletableFuture<>();
      try {
        loop.execute(() -> loop.executeAfterEventLoopIteration(() -> marker.complete(null)));
        markers.add(marker);
      } catch (RejectedExecutionException shuttingDown) {
        // a loop shutting down runs its end-of-iteration tasks as it goes
      }
    }
    try {
      CompletableFuture.allOf(markers.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One loop's tasks of the current iteration, handed on when the iteration ends. */
  private final class Batch implements Runnable {
    private final SingleThreadEventLoop loop;
    private List<JudgeTask> tasks = new ArrayList<>();

    Batch(SingleThreadEventLoop loop) {
      this.loop = loop;
    }

    void add(JudgeTask task) {
      if (tasks.isEmpty()) {
        loop.executeAfterEventLoopIteration(this);
      }
      tasks.add(task);
    }

    @Override
    public void run() {
      List<JudgeTask> out = tasks;
      tasks = new ArrayList<>(Math.max(4, out.size()));
      sink.accept(out);
    }
  }
}
