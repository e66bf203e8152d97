package dev.strangler.replay.step;

import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.replay.input.Problem;
import java.util.List;

/** How one selected item ended: judged into a record, or skipped with a reason. */
public sealed interface Verdict {

  /**
   * Judged.
   *
   * @param record   the record, with an id and time derived from the input
   * @param problems what made this item incomplete (an unreachable side); usually empty
   */
  record Judged(DiscrepancyRecord record, List<Problem> problems) implements Verdict {
    public Judged {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Not judged.
   *
   * @param reason a short, stable reason such as {@code no-shadow}
   */
  record Skipped(String reason) implements Verdict {}
}
