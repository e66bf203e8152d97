package dev.strangler.replay.step;

import dev.strangler.config.RouteConfig;
import dev.strangler.noise.NoiseLearning;
import dev.strangler.noise.NoiseModel;
import dev.strangler.noise.NoiseReport;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.replay.input.RecordedExchange;
import dev.strangler.replay.send.Answer;
import dev.strangler.routing.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * Noise learning during {@code replay run --noise-sample P}, as the edge does it: for a sample of
 * the replayed GETs (chosen by the item's place in the input, so a rerun samples the same ones)
 * one side is asked a second time and what differs between its two answers teaches the model;
 * a diff made only of learned noise becomes {@code noise} ({@link NoiseLearning}). Thread-safe.
 */
public final class ReplayNoise {
  /** No learning: every record stays as judged. */
  public static final ReplayNoise OFF = new ReplayNoise(0);

  private final double sample;
  private final NoiseLearning learning = new NoiseLearning(new NoiseModel());

  /** @param sample the fraction of replayed GETs asked twice, 0..1 */
  public ReplayNoise(double sample) {
    this.sample = sample;
  }

  /** Asks {@code side} again when the item is sampled and {@code first} is an answer, and learns from both. */
  void repeat(Targets targets, RecordedExchange e, RouteConfig route, Side side, Answer first)
      throws InterruptedException {
    if (sample <= 0 || first.response() == null || !"GET".equalsIgnoreCase(e.method()) || !sampled(e)) {
      return;
    }
    Answer again = targets.ask(side, e, route);
    if (again.response() != null) {
      learning.learn(route, side, first.response(), again.response());
    }
  }

  private boolean sampled(RecordedExchange e) {
    return sample >= 1 || Math.floorMod(StableIds.of(e.position()).hashCode(), 1_000_000) < sample * 1_000_000;
  }

  /** The record as noise when learning is on and all its diffs are learned noise. */
  DiscrepancyRecord classify(RouteConfig route, DiscrepancyRecord r) {
    return sample > 0 ? learning.classify(route, r) : r;
  }

  /** What was learned, per route that had same-side pairs, with the rules it suggests. */
  public List<NoiseReport> reports(List<RouteConfig> routes, List<DiscrepancyRecord> records) {
    List<NoiseReport> out = new ArrayList<>();
    for (RouteConfig r : routes) {
      var counts = learning.model().counts(r.id());
      if (counts.observations() > 0) {
        out.add(NoiseReport.of(r.id(), counts, r.shadow().noise(),
            records.stream().filter(d -> d.route().equals(r.id())).toList(), r.compare()));
      }
    }
    return out;
  }
}
