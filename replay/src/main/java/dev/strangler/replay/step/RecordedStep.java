package dev.strangler.replay.step;

import dev.strangler.config.RouteConfig;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.judge.Judge;
import dev.strangler.judge.Observation;
import dev.strangler.replay.input.RecordedExchange;
import dev.strangler.replay.input.Item;
import dev.strangler.replay.send.Answer;
import dev.strangler.routing.Side;

/**
 * {@code replay run --against-recorded}: sends the request to the new side only and judges its
 * answer against the recorded legacy answer — the served response when legacy served, else the
 * capture's legacy shadow. Exchanges without a recorded legacy answer are skipped
 * ({@code no-recorded-legacy}). Noise learning asks the new side a second time.
 */
public final class RecordedStep implements Step {
  private final ObservationJudge judge;
  private final Targets targets;
  private final ReplayNoise noise;

  public RecordedStep(Judge judge, Targets targets, ReplayNoise noise) {
    this.judge = new ObservationJudge(judge, noise);
    this.targets = targets;
    this.noise = noise;
  }

  @Override
  public Verdict apply(Item item, RouteConfig route) throws InterruptedException {
    RecordedExchange e = (RecordedExchange) item;
    CapturedResponse legacy = e.recordedLegacy();
    if (legacy == null) {
      return new Verdict.Skipped("no-recorded-legacy");
    }
    Answer fresh = targets.ask(Side.NEW, e, route);
    noise.repeat(targets, e, route, Side.NEW, fresh);
    Observation o = new Observation(e.method(), e.request().uri(), e.requestId(), e.at(), e.servedBy(),
        legacy, fresh.response(), null, fresh.error());
    return judge.judge(route, e, o, targets.problem(Side.NEW, e, fresh).stream().toList());
  }
}
