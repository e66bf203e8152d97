package dev.strangler.edge.lifecycle;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where this edge stands, for readiness ({@code GET /health/ready}): starting until every part is
 * up, then serving, then draining from the first SIGTERM or SIGINT on. Thread-safe.
 */
public final class Lifecycle {
  /** The stages, in order; a stage is never left for an earlier one. */
  public enum Stage {
    STARTING,
    SERVING,
    DRAINING;

    /** The name shown by {@code /health}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final AtomicReference<Stage> stage = new AtomicReference<>(Stage.STARTING);

  public Stage stage() {
    return stage.get();
  }

  /** Whether a load balancer may send new requests: serving, neither starting nor draining. */
  public boolean ready() {
    return stage.get() == Stage.SERVING;
  }

  /** Every part is up (unless a drain already began). */
  public void serving() {
    stage.compareAndSet(Stage.STARTING, Stage.SERVING);
  }

  /** A drain began; readiness turns 503 for good. */
  public void draining() {
    stage.set(Stage.DRAINING);
  }
}
