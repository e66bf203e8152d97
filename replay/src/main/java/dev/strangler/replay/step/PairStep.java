package dev.strangler.replay.step;

import dev.strangler.capture.CaptureLine;
import dev.strangler.config.RouteConfig;
import dev.strangler.judge.Judge;
import dev.strangler.judge.Observation;
import dev.strangler.replay.input.RecordedExchange;
import dev.strangler.replay.input.Item;
import java.util.List;

/**
 * {@code replay rediff} of captures: re-judges the recorded pair (served response and shadow)
 * under the current rules, without network. Captures without a shadow are skipped
 * ({@code no-shadow}).
 */
public final class PairStep implements Step {
  private final ObservationJudge judge;

  public PairStep(Judge judge) {
    this.judge = new ObservationJudge(judge, ReplayNoise.OFF);
  }

  @Override
  public Verdict apply(Item item, RouteConfig route) {
    RecordedExchange e = (RecordedExchange) item;
    CaptureLine.Shadow s = e.shadow();
    if (s == null || s.side() == e.servedBy()) {
      return new Verdict.Skipped("no-shadow");
    }
    Observation o = Observation.of(e.method(), e.request().uri(), e.requestId(), e.at(), e.servedBy(),
        e.recorded(), s.response(), s.error());
    return judge.judge(route, e, o, List.of());
  }
}
