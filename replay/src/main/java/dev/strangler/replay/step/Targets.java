package dev.strangler.replay.step;

import dev.strangler.capture.CaptureLine;
import dev.strangler.config.RouteConfig;
import dev.strangler.replay.input.RecordedExchange;
import dev.strangler.replay.input.Problem;
import dev.strangler.replay.send.Answer;
import dev.strangler.replay.send.Sender;
import dev.strangler.rewrite.RequestRewrite;
import dev.strangler.routing.Side;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The base URLs of both sides and the sender that reaches them. */
public final class Targets {
  private final Sender sender;
  private final Map<Side, URI> bases;

  public Targets(Sender sender, Map<Side, URI> bases) {
    this.sender = sender;
    this.bases = new EnumMap<>(bases);
  }

  /** Sends the exchange's request, as the route rewrites it for the side, with the route's response timeout. */
  Answer ask(Side side, RecordedExchange e, RouteConfig route) throws InterruptedException {
    RequestRewrite rewrite = route.rewriteOf(side);
    CaptureLine.Request request = rewrite == null ? e.request() : rewrite.apply(e.request());
    return sender.send(bases.get(side), request, e.host(), route.timeouts().response());
  }

  /** The problem an unreachable side makes, if it was. */
  Optional<Problem> problem(Side side, RecordedExchange e, Answer a) {
    return a.unreachable()
        ? Optional.of(new Problem(e.position(), side.id() + " side unreachable (" + a.error() + ") at " + bases.get(side)))
        : Optional.empty();
  }

  /** The problems of both answers. */
  List<Problem> problems(RecordedExchange e, Answer legacy, Answer fresh) {
    return Stream.of(problem(Side.LEGACY, e, legacy), problem(Side.NEW, e, fresh))
        .flatMap(Optional::stream)
        .toList();
  }
}
