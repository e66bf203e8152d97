package dev.strangler.edge.mirror;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Bounds mirrors in flight, globally and per route; a mirror over either bound is dropped. */
final class ShadowGate {
  private final int global;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentHashMap<String, AtomicInteger> byRoute = new ConcurrentHashMap<>();

  ShadowGate(int global) {
    this.global = global;
  }

  /** Takes a slot for a route, or returns false when a bound is reached. */
  boolean tryEnter(String route, int perRoute) {
    if (inFlight.incrementAndGet() > global) {
      inFlight.decrementAndGet();
      return false;
    }
    AtomicInteger r = byRoute.computeIfAbsent(route, k -> new AtomicInteger());
    if (r.incrementAndGet() > perRoute) {
      r.decrementAndGet();
      inFlight.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Gives a slot back. */
  void exit(String route) {
    byRoute.get(route).decrementAndGet();
    inFlight.decrementAndGet();
  }

  int inFlight() {
    return inFlight.get();
  }
}
