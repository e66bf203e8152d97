package dev.strangler.noise;

import java.util.HashMap;
import java.util.Map;

/**
 * What noise learning counted for one route, immutable: how many same-side pairs were compared,
 * in how many of them each path shape was present (on either answer), and in how many each
 * (shape, kind) differed.
 *
 * @param observations same-side pairs compared
 * @param observed     per shape, pairs that held it
 * @param differed     per (shape, kind), pairs in which it differed
 */
public record NoiseCounts(long observations, Map<String, Long> observed, Map<ShapeKind, Long> differed) {
  /** Nothing counted. */
  public static final NoiseCounts NONE = new NoiseCounts(0, Map.of(), Map.of());

  public NoiseCounts {
    observed = Map.copyOf(observed);
    differed = Map.copyOf(differed);
  }

  /** Pairs that held the shape. */
  public long observed(String shape) {
    return observed.getOrDefault(shape, 0L);
  }

  /** Pairs in which the (shape, kind) differed. */
  public long differed(ShapeKind sk) {
    return differed.getOrDefault(sk, 0L);
  }

  /** These counts and another's added up. */
  public NoiseCounts plus(NoiseCounts o) {
    if (o.observations == 0 && o.observed.isEmpty()) {
      return this;
    }
    Map<String, Long> obs = new HashMap<>(observed);
    o.observed.forEach((k, v) -> obs.merge(k, v, Long::sum));
    Map<ShapeKind, Long> diff = new HashMap<>(differed);
    o.differed.forEach((k, v) -> diff.merge(k, v, Long::sum));
    return new NoiseCounts(observations + o.observations, obs, diff);
  }
}
