package dev.strangler.replay.report;

import dev.strangler.replay.input.InputSummary;
import java.time.Instant;
import java.util.List;

/**
 * What kind of run made a report.
 *
 * @param command         run or rediff
 * @param againstRecorded whether the recorded legacy answers stood in for the legacy side
 * @param legacy          the legacy base URL asked; null when not asked
 * @param fresh           the new base URL asked; null when not asked
 * @param inputs          what was read from each input file
 * @param interrupted     whether the run was stopped before the end (Ctrl-C)
 * @param generatedAt     when the report was written (the one wall-clock time in report.json)
 */
public record RunInfo(String command, boolean againstRecorded, String legacy, String fresh,
    List<InputSummary> inputs, boolean interrupted, Instant generatedAt) {

  public RunInfo {
    inputs = List.copyOf(inputs);
  }

  /** A run about to start. */
  public static RunInfo of(String command, boolean againstRecorded, String legacy, String fresh) {
    return new RunInfo(command, againstRecorded, legacy, fresh, List.of(), false, Instant.EPOCH);
  }

  /** This run, finished (or interrupted) at {@code at} after reading {@code inputs}. */
  public RunInfo finished(List<InputSummary> inputs, boolean interrupted, Instant at) {
    return new RunInfo(command, againstRecorded, legacy, fresh, inputs, interrupted, at);
  }
}
