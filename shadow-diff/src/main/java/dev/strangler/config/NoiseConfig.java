package dev.strangler.config;

/**
 * Noise learning of a route ({@code shadow.noise}): for a sample of its mirrored safe requests the
 * serving side is asked a second time, and what differs between its two answers is noise.
 *
 * @param sample          fraction of mirrored safe requests asked twice, 0..1 (0: learning off)
 * @param minObservations same-side pairs in which a path must have been seen before its
 *                        differences can count as noise
 */
public record NoiseConfig(double sample, int minObservations) {
  /**
   * A (path shape, kind) is noise once it differed in at least this share of the same-side pairs
   * that held the path (and those are at least {@code minObservations}).
   */
  public static final double NOISE_RATE = 0.5;

  /** Learning off; 20 observations once a sample is set. */
  public static NoiseConfig off() {
    return new NoiseConfig(0, 20);
  }

  /** Whether a (shape, kind) seen in {@code observed} pairs, differing in {@code differed}, is noise. */
  public boolean isNoise(long observed, long differed) {
    return observed >= minObservations && observed > 0 && differed >= NOISE_RATE * observed;
  }
}
