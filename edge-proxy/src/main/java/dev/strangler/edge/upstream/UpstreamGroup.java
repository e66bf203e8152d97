package dev.strangler.edge.upstream;

import dev.strangler.config.UpstreamConfig;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The targets of one upstream, chosen round-robin among those in service. When every target is
 * ejected the one that returns soonest is used, so an outage of the health signal never becomes
 * an outage of the route.
 */
public final class UpstreamGroup {
  private final String name;
  private final UpstreamTarget[] targets;
  private final AtomicInteger next = new AtomicInteger();

  public UpstreamGroup(UpstreamConfig config) {
    this.name = config.name();
    this.targets =
        config.targets().stream()
            .map(u -> new UpstreamTarget(u, config.ejectAfter(), config.ejectFor(), config.mirrorPipelining()))
            .toArray(UpstreamTarget[]::new);
  }

  public String name() {
    return name;
  }

  public int size() {
    return targets.length;
  }

  /** The next target in service. */
  public UpstreamTarget pick() {
    long now = System.nanoTime();
    int start = next.getAndIncrement() & Integer.MAX_VALUE;
    UpstreamTarget soonest = targets[start % targets.length];
    for (int i = 0; i < targets.length; i++) {
      UpstreamTarget t = targets[(start + i) % targets.length];
      if (t.available(now)) {
        return t;
      }
      if (t.ejectedUntil() - soonest.ejectedUntil() < 0) {
        soonest = t;
      }
    }
    return soonest;
  }
}
