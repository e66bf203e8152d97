package dev.strangler.edge.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client per edge sending GETs through its data plane, one after another, until closed (at
 * most {@value #MAX_REQUESTS} each, for at most {@value #MAX_SECONDS} s). An answer other than 200
 * from a side, or no answer, is a failure.
 */
final class ClientLoad implements AutoCloseable {
  static final int MAX_REQUESTS = 100_000;
  static final int MAX_SECONDS = 180;
  private static final Set<String> SIDES = Set.of("legacy", "new");

  private final AtomicLong served = new AtomicLong();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  ClientLoad(List<EdgeProcess> edges, FleetClient client) {
    for (EdgeProcess edge : edges) {
      Thread t = new Thread(() -> hammer(edge, client), "load-" + edge.name);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void hammer(EdgeProcess edge, FleetClient client) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
    for (int i = 0; i < MAX_REQUESTS && !stopped && System.nanoTime() < deadline; i++) {
      String url = edge.proxy() + (i % 2 == 0 ? "/flip/" : "/other/") + i;
      try {
        FleetClient.Reply r = client.get(url);
        if (r.status() == 200 && r.side() != null && SIDES.contains(r.side())) {
          served.incrementAndGet();
        } else {
          failures.add(url + " -> " + r.status() + " " + r.body());
        }
      } catch (Exception e) {
        failures.add(url + " -> " + e);
      }
    }
  }

  /** Requests answered well so far. */
  long served() {
    return served.get();
  }

  /** Requests that failed so far. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(30));
    }
  }
}
