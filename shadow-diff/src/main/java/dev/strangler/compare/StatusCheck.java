package dev.strangler.compare;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The HTTP status part of a comparison: always compared, listed before the body's diffs. */
public final class StatusCheck {
  private StatusCheck() {}

  /** A {@link DiffKind#STATUS} diff at {@code $} when the statuses differ. */
  public static Optional<Diff> compare(int legacyStatus, int newStatus) {
    return legacyStatus == newStatus
        ? Optional.empty()
        : Optional.of(new Diff("$", DiffKind.STATUS, IntNode.valueOf(legacyStatus), IntNode.valueOf(newStatus)));
  }

  /** The status diff, if any, followed by {@code coreDiffs}. */
  public static List<Diff> withStatus(int legacyStatus, int newStatus, List<Diff> coreDiffs) {
    Optional<Diff> status = compare(legacyStatus, newStatus);
    if (status.isEmpty()) {
      return coreDiffs;
    }
    List<Diff> all = new ArrayList<>(coreDiffs.size() + 1);
    all.add(status.get());
    all.addAll(coreDiffs);
    return List.copyOf(all);
  }
}
