package dev.strangler.replay.step;

import dev.strangler.config.RouteConfig;
import dev.strangler.judge.Judge;
import dev.strangler.judge.Observation;
import dev.strangler.replay.input.RecordedExchange;
import dev.strangler.replay.input.Problem;
import java.util.List;

/**
 * Hands an observation of an exchange to the edge's {@link Judge} — the one comparison — and
 * gives the record the exchange's stable id.
 */
final class ObservationJudge {
  private final Judge judge;

  ObservationJudge(Judge judge) {
    this.judge = judge;
  }

  Verdict judge(RouteConfig route, RecordedExchange e, Observation o, List<Problem> problems) {
    return new Verdict.Judged(StableIds.apply(judge.judge(route, o), e.position()), problems);
  }
}
