package dev.strangler.replay.step;

import dev.strangler.config.RouteConfig;
import dev.strangler.judge.Judge;
import dev.strangler.judge.Observation;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Outcome;
import dev.strangler.replay.input.RecordedExchange;
import dev.strangler.replay.input.Problem;
import java.util.List;

/**
 * Hands an observation of an exchange to the edge's {@link Judge} — the one comparison — tells
 * learned noise from diffs ({@link ReplayNoise}) and gives the record the exchange's stable id; a
 * pair the judge skips (a 304) is a skipped item.
 */
final class ObservationJudge {
  private final Judge judge;
  private final ReplayNoise noise;

  ObservationJudge(Judge judge, ReplayNoise noise) {
    this.judge = judge;
    this.noise = noise;
  }

  Verdict judge(RouteConfig route, RecordedExchange e, Observation o, List<Problem> problems) {
    DiscrepancyRecord r = noise.classify(route, judge.judge(route, o));
    if (r.outcome() == Outcome.SKIPPED) {
      return new Verdict.Skipped(r.reason());
    }
    return new Verdict.Judged(StableIds.apply(r, e.position()), problems);
  }
}
