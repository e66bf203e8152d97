package dev.strangler.store;

import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Outcome;
import java.time.Instant;
import java.util.Objects;

/**
 * What a batch adds to one fingerprint group: how many records it saw (stored or sampled out),
 * when the first and last happened, and the first stored record's id (null when none was).
 */
public record GroupDelta(
    String route, Outcome outcome, long count, Instant firstSeen, Instant lastSeen, String exampleId) {

  public GroupDelta {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }

  /** One record; {@code stored} says whether it is stored whole (and may be the example). */
  public static GroupDelta of(DiscrepancyRecord r, boolean stored) {
    return new GroupDelta(r.route(), r.outcome(), 1, r.at(), r.at(), stored ? r.id() : null);
  }

  /** This delta and another of the same fingerprint together. */
  public GroupDelta plus(GroupDelta other) {
    return new GroupDelta(
        route,
        outcome,
        count + other.count,
        firstSeen.isAfter(other.firstSeen) ? other.firstSeen : firstSeen,
        lastSeen.isBefore(other.lastSeen) ? other.lastSeen : lastSeen,
        exampleId != null ? exampleId : other.exampleId);
  }
}
