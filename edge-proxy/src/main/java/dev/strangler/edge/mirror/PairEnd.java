package dev.strangler.edge.mirror;

import io.netty.channel.EventLoop;

/**
 * How a mirrored request's pair ended, decided once, on its event loop, when both sides are done:
 * to be judged, skipped (nothing worth comparing) or dropped (shed under load).
 */
sealed interface PairEnd permits PairEnd.Judged, PairEnd.Skipped, PairEnd.Dropped {
  /** The route id. */
  String route();

  /**
   * Both answers are in: the judge decides the outcome.
   *
   * @param task what to judge
   * @param loop the event loop the pair ran on, whose batch the task joins
   */
  record Judged(JudgeTask task, EventLoop loop) implements PairEnd {
    @Override
    public String route() {
      return task.route().id();
    }
  }

  /**
   * Nothing to compare: the serving side failed ({@code primary-<reason>}), a body was over
   * {@code shadow.max-body} ({@code request-body-too-large}, {@code response-too-large}).
   */
  record Skipped(String route, String reason) implements PairEnd {}

  /** Shed under load ({@code mirror-pool-full}) or cut by the edge's shutdown ({@code shutdown}). */
  record Dropped(String route, String reason) implements PairEnd {}
}
