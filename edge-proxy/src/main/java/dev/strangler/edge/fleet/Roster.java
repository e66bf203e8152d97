package dev.strangler.edge.fleet;

import dev.strangler.store.InstanceRecord;
import dev.strangler.store.InstanceState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fleet table: an instance whose last heartbeat is older than {@code goneAfter} is
 * gone; an instance drifts when its config hash is not the one most live instances share (when
 * live instances split evenly between hashes, none is "most", and every instance of a fleet that
 * disagrees drifts).
 */
final class Roster {
  private Roster() {}

  static List<InstanceStatus> of(List<InstanceRecord> rows, Instant now, Duration goneAfter) {
    Instant cutoff = now.minus(goneAfter);
    Map<String, Integer> liveHashes = new HashMap<>();
    for (InstanceRecord r : rows) {
      if (state(r, cutoff) != InstanceState.GONE) {
        liveHashes.merge(r.configHash(), 1, Integer::sum);
      }
    }
    String common = mostCommon(liveHashes);
    return rows.stream()
        .map(r -> new InstanceStatus(r, state(r, cutoff),
            common == null ? liveHashes.size() > 1 : !common.equals(r.configHash())))
        .toList();
  }

  private static InstanceState state(InstanceRecord r, Instant cutoff) {
    return r.lastSeen().isBefore(cutoff) ? InstanceState.GONE : r.state();
  }

  /** The hash more live instances run than any other; null when there is none or a tie. */
  private static String mostCommon(Map<String, Integer> counts) {
    String best = null;
    int bestCount = 0;
    boolean tie = false;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
        tie = false;
      } else if (e.getValue() == bestCount) {
        tie = true;
      }
    }
    return tie ? null : best;
  }
}
