package dev.strangler.noise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.compare.CoreComparator;
import dev.strangler.compare.Diff;
import dev.strangler.compare.DiffKind;
import dev.strangler.compare.Shapes;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.CoreSpec;
import dev.strangler.config.NoiseConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.extract.CoreExtractor;
import dev.strangler.extract.Extraction;
import dev.strangler.json.Json;
import dev.strangler.json.TapeValue;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Fingerprints;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns noise from two answers of the same side to one request, and tells noise from real
 * differences: the one implementation the edge and the replay tool share.
 *
 * <p>Learning: both answers must be the same 2xx status and both cores extractable under the
 * side's {@code core}; they are compared under the route's {@code compare} rules, and the model
 * counts the pair, every shape either core holds, and every (shape, kind) that differed (status
 * never). Classifying: a {@code diff} whose every (shape, kind) differed in at least
 * {@value NoiseConfig#NOISE_RATE} of the same-side pairs that held its shape, once those are at
 * least the route's {@code min-observations}, becomes {@code noise} (fingerprint
 * {@code route:noise:hash}); a status diff never does. A path that differs between the sides but
 * never within one side stays a diff. Thread-safe.
 */
public final class NoiseLearning {
  private final NoiseModel model;
  private final Map<CompareConfig, CoreComparator> comparators = new ConcurrentHashMap<>();

  public NoiseLearning(NoiseModel model) {
    this.model = model;
  }

  public NoiseModel model() {
    return model;
  }

  /**
   * Learns from {@code first} and {@code second}, two answers of {@code side} to the same GET.
   *
   * @return whether the pair was counted (false: statuses differ or are not 2xx, or a core could
   *     not be extracted)
   */
  public boolean learn(RouteConfig route, Side side, CapturedResponse first, CapturedResponse second) {
    CoreSpec spec = route.core().get(side);
    if (spec == null || first.status() != second.status() || first.status() < 200 || first.status() >= 300) {
      return false;
    }
    if (!(CoreExtractor.extract(spec, first) instanceof Extraction.Ok a)
        || !(CoreExtractor.extract(spec, second, a.value().tape()) instanceof Extraction.Ok b)) {
      return false;
    }
    learn(route, a.value(), b.value());
    return true;
  }

  /** Learns from two core outputs of the same side to the same request (stored cores, for suggestions). */
  public void learn(RouteConfig route, JsonNode first, JsonNode second) {
    learn(route, TapeValue.root(Json.of(first)), TapeValue.root(Json.of(second)));
  }

  private void learn(RouteConfig route, TapeValue a, TapeValue b) {
    Set<ShapeKind> differed = new HashSet<>();
    for (Diff d : comparators.computeIfAbsent(route.compare(), CoreComparator::new).compare(a, b)) {
      if (d.kind() != DiffKind.STATUS) {
        differed.add(ShapeKind.of(d));
      }
    }
    Set<String> shapes = new HashSet<>();
    Shapes.collect(a.toJsonNode(), shapes, NoiseModel.MAX_SHAPES);
    Shapes.collect(b.toJsonNode(), shapes, NoiseModel.MAX_SHAPES);
    model.observe(route.id(), shapes, differed);
  }

  /** The record as a {@code noise} outcome when all its diffs are learned noise; otherwise as it is. */
  public DiscrepancyRecord classify(RouteConfig route, DiscrepancyRecord r) {
    if (r.outcome() != Outcome.DIFF || r.diffs().isEmpty()) {
      return r;
    }
    NoiseConfig rule = route.shadow().noise();
    for (Diff d : r.diffs()) {
      ShapeKind sk = ShapeKind.of(d);
      if (d.kind() == DiffKind.STATUS || !rule.isNoise(model.observed(r.route(), sk.shape()), model.differed(r.route(), sk))) {
        return r;
      }
    }
    return new DiscrepancyRecord(r.id(), r.at(), r.route(), r.method(), r.path(), r.query(), r.requestId(),
        r.servedBy(), Outcome.NOISE, r.legacy(), r.fresh(), r.diffs(), Fingerprints.noise(r.route(), r.diffs()),
        r.reason());
  }
}
