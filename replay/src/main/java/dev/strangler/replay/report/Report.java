package dev.strangler.replay.report;

import dev.strangler.noise.NoiseReport;
import dev.strangler.record.Outcome;
import dev.strangler.replay.input.Problem;
import java.util.List;
import java.util.Map;

/**
 * Everything a run found, in a deterministic order: the same input against the same backends
 * gives the same report, whatever the concurrency. Lists follow input order (file, then line).
 *
 * @param run             what kind of run it was
 * @param totals          counts over all routes
 * @param routes          per route, in routes.yaml order, then items no route matched
 * @param records         every record that is not a match
 * @param problems        problems (malformed lines, truncated gzip, unknown formats, unreachable sides)
 * @param skipped         skipped items, the first {@link ReportBuilder#LISTED_SKIPS}
 * @param skippedByReason how many items were skipped, by reason (sorted by reason)
 * @param noise           what noise learning found per route ({@code --noise-sample}); empty when off
 */
public record Report(RunInfo run, Counts totals, List<RouteReport> routes, List<Located> records,
    List<Problem> problems, List<SkipNote> skipped, Map<String, Long> skippedByReason, List<NoiseReport> noise) {

  /** Whether every input was read and every side reached, to the end. */
  public boolean complete() {
    return problems.isEmpty() && !run.interrupted();
  }

  /** Whether every route passed its gate. */
  public boolean gatePassed() {
    return routes.stream().allMatch(RouteReport::passed);
  }

  /**
   * One route's part of the report.
   *
   * @param route     the route id
   * @param counts    its counts
   * @param threshold its minimum parity in percent; null when it has none
   * @param passed    whether it passed its gate
   * @param groups    its top fingerprint groups, biggest first
   */
  public record RouteReport(String route, Counts counts, Double threshold, boolean passed, List<Group> groups) {}

  /**
   * Records of the same fingerprint.
   *
   * @param fingerprint the fingerprint
   * @param outcome     their outcome
   * @param count       how many
   * @param example     the first of them in input order
   */
  public record Group(String fingerprint, Outcome outcome, long count, Located example) {}
}
