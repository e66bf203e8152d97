package dev.strangler.edge.mirror;

import dev.strangler.config.RouteConfig;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.judge.Observation;

/**
 * What the judge gets of one mirrored request: its route and the immutable observation of both
 * answers (legacy and new, with only the headers judging reads). Built on the event loop when the
 * pair ends; the judge never sees the pair.
 *
 * @param route       the route the request matched (its compare rules and core specs)
 * @param observation both answers, or the shadow's error instead of its answer
 * @param repeat      the serving side's second answer to the same request (noise learning), or null
 */
record JudgeTask(RouteConfig route, Observation observation, CapturedResponse repeat) {
  /** Why the side that did not serve gave no answer, or null. */
  String shadowError() {
    return observation.error(observation.servedBy().other());
  }
}
