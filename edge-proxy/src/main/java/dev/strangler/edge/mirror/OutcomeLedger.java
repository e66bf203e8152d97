package dev.strangler.edge.mirror;

import dev.strangler.config.RouteConfig;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;

/**
 * The one place where the outcome of a mirror-eligible request is counted, and where its
 * in-flight slot is taken and given back. A request is admitted under the in-flight bounds (or
 * settles as {@code dropped}); its pair's end gives the slot back and settles it, unless it is to
 * be judged, in which case the judge settles it with its verdict (or as dropped or skipped when it
 * cannot judge it). Thread-safe: the loops and the judge threads settle here.
 */
final class OutcomeLedger {
  private final ShadowOutcomes outcomes;
  private final ShadowGate gate;
  private final PairVerdicts verdicts;

  /** @param verdicts told of each judged verdict with the side that served the pair */
  OutcomeLedger(ShadowOutcomes outcomes, ShadowGate gate, PairVerdicts verdicts) {
    this.outcomes = outcomes;
    this.gate = gate;
    this.verdicts = verdicts;
  }

  /**
   * Takes an in-flight slot for a mirror of {@code route}; over the global bound or the route's
   * {@code shadow.max-in-flight} the request settles as dropped ({@code in-flight-limit}).
   */
  boolean admit(RouteConfig route) {
    if (gate.tryEnter(route.id(), route.shadow().maxInFlight())) {
      return true;
    }
    settle(route.id(), Outcome.DROPPED, "in-flight-limit");
    return false;
  }

  /**
   * Takes an in-flight slot of {@code route} for a noise repeat, under the same bounds as a
   * mirror; when there is none the repeat is not sent (no outcome: the request itself is mirrored).
   */
  boolean admitRepeat(RouteConfig route) {
    boolean admitted = gate.tryEnter(route.id(), route.shadow().maxInFlight());
    outcomes.repeat(route.id(), admitted ? "sent" : "shed");
    return admitted;
  }

  /** A noise repeat ended: its slot is given back. */
  void repeatEnded(String route) {
    gate.exit(route);
  }

  /**
   * An admitted request ended (on its loop): its slot is given back, and its end settles now, or
   * joins its loop's batch for the judge.
   */
  void settle(PairEnd end, JudgeBatches judging) {
    gate.exit(end.route());
    if (end instanceof PairEnd.Judged judged) {
      judging.add(judged);
    } else if (end instanceof PairEnd.Skipped skipped) {
      settle(skipped.route(), Outcome.SKIPPED, skipped.reason());
    } else if (end instanceof PairEnd.Dropped dropped) {
      settle(dropped.route(), Outcome.DROPPED, dropped.reason());
    }
  }

  /**
   * Counts the outcome of one request: every outcome passes here once.
   *
   * @param reason why it was skipped or dropped, or the shadow's error; null for the judged rest
   */
  void settle(String route, Outcome outcome, String reason) {
    outcomes.count(route, outcome, reason);
  }

  /** Counts the judge's verdict on a pair served by {@code servedBy}, and tells {@link PairVerdicts}. */
  void settle(String route, Side servedBy, Outcome outcome, String reason) {
    settle(route, outcome, reason);
    verdicts.judged(route, servedBy, outcome);
  }

  /** Mirrors in flight now, all routes together. */
  int inFlight() {
    return gate.inFlight();
  }
}
