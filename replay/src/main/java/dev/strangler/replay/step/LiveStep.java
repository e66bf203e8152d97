package dev.strangler.replay.step;

import dev.strangler.config.RouteConfig;
import dev.strangler.judge.Judge;
import dev.strangler.judge.Observation;
import dev.strangler.replay.input.RecordedExchange;
import dev.strangler.replay.input.Item;
import dev.strangler.replay.send.Answer;
import dev.strangler.routing.Side;

/**
 * {@code replay run}: sends the recorded request to both sides (legacy first) and judges their
 * answers. The record's served_by is the route's configured primary, the side asked a second
 * time for noise learning.
 */
public final class LiveStep implements Step {
  private final ObservationJudge judge;
  private final Targets targets;
  private final ReplayNoise noise;

  public LiveStep(Judge judge, Targets targets, ReplayNoise noise) {
    this.judge = new ObservationJudge(judge, noise);
    this.targets = targets;
    this.noise = noise;
  }

  @Override
  public Verdict apply(Item item, RouteConfig route) throws InterruptedException {
    RecordedExchange e = (RecordedExchange) item;
    Answer legacy = targets.ask(Side.LEGACY, e, route);
    Answer fresh = targets.ask(Side.NEW, e, route);
    noise.repeat(targets, e, route, route.primary(), route.primary() == Side.LEGACY ? legacy : fresh);
    Observation o = new Observation(e.method(), e.request().uri(), e.requestId(), e.at(), route.primary(),
        legacy.response(), fresh.response(), legacy.error(), fresh.error());
    return judge.judge(route, e, o, targets.problems(e, legacy, fresh));
  }
}
