package dev.strangler.edge.mirror;

import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Collects the pairs an event loop completes during one iteration and hands them on together at
 * its end: one wake-up of a judge thread per iteration rather than one per pair. A loop that
 * cannot run end-of-iteration tasks hands each pair on at once.
 */
final class JudgeBatches {
  private final Consumer<List<ShadowPair>> sink;
  private final Map<EventLoop, Batch> batches = new ConcurrentHashMap<>();

  /** @param sink takes each batch, on the loop that made it */
  JudgeBatches(Consumer<List<ShadowPair>> sink) {
    this.sink = sink;
  }

  /** Adds a completed pair; call on its loop. */
  void add(ShadowPair pair) {
    if (!(pair.loop instanceof SingleThreadEventLoop loop)) {
      sink.accept(List.of(pair));
      return;
    }
    batches.computeIfAbsent(loop, l -> new Batch(loop)).add(pair);
  }

  private final class Batch implements Runnable {
    private final SingleThreadEventLoop loop;
    private List<ShadowPair> pairs = new ArrayList<>();

    Batch(SingleThreadEventLoop loop) {
      this.loop = loop;
    }

    void add(ShadowPair pair) {
      if (pairs.isEmpty()) {
        loop.executeAfterEventLoopIteration(this);
      }
      pairs.add(pair);
    }

    @Override
    public void run() {
      List<ShadowPair> out = pairs;
      pairs = new ArrayList<>(Math.max(4, out.size()));
      sink.accept(out);
    }
  }
}
