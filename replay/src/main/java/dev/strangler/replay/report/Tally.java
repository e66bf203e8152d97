package dev.strangler.replay.report;

import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Outcome;
import dev.strangler.replay.input.Position;
import dev.strangler.replay.input.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a run finds, from many threads, in whatever order items finish: counts per
 * route, the records that are not matches, skipped items and problems. A {@link #snapshot()}
 * may be taken at any time (the Ctrl-C report takes one mid-run).
 */
public final class Tally {
  private final Map<String, Counts> routes = new HashMap<>();
  private final List<Located> records = new ArrayList<>();
  private final List<SkipNote> skipped = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private Counts total = Counts.ZERO;

  /** Counts a judged item; keeps its record unless it is a match. */
  public synchronized void judged(Position at, DiscrepancyRecord r) {
    count(r.route(), r.outcome());
    if (r.outcome() != Outcome.MATCH) {
      records.add(new Located(at, r));
    }
  }

  /** Counts a skipped item under a route. */
  public synchronized void skipped(Position at, String route, String reason) {
    count(route, Outcome.SKIPPED);
    skipped.add(new SkipNote(at, route, reason));
  }

  /** Notes a problem (the run is then incomplete). */
  public synchronized void problem(Problem p) {
    problems.add(p);
  }

  private void count(String route, Outcome o) {
    routes.merge(route, Counts.ZERO.plus(o), Counts::plus);
    total = total.plus(o);
  }

  /** The counts of all routes together. */
  public synchronized Counts total() {
    return total;
  }

  /** Problems so far. */
  public synchronized int problems() {
    return problems.size();
  }

  /** A copy of everything collected so far, in no particular order. */
  public synchronized Snapshot snapshot() {
    return new Snapshot(Map.copyOf(routes), List.copyOf(records), List.copyOf(skipped), List.copyOf(problems));
  }

  /**
   * What a tally held at one moment.
   *
   * @param routes   counts per route id
   * @param records  records that are not matches
   * @param skipped  skipped items
   * @param problems problems
   */
  public record Snapshot(Map<String, Counts> routes, List<Located> records, List<SkipNote> skipped,
      List<Problem> problems) {}
}
