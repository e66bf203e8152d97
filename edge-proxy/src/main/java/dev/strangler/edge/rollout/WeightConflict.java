package dev.strangler.edge.rollout;

/** A 409 on a weight change: the state in force is not the one expected. */
final class WeightConflict extends Exception {
  final long seq;
  final int weight;

  WeightConflict(long seq, int weight) {
    super("conflict at seq " + seq + " (weight in force " + weight + "%)", null, false, false);
    this.seq = seq;
    this.weight = weight;
  }
}
