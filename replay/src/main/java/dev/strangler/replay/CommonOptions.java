package dev.strangler.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code rediff} share. */
final class CommonOptions {
  @Option(names = "--config", required = true, paramLabel = "routes.yaml",
      description = "The edge's routes.yaml: routes, core extractors, compare rules, masking.")
  Path config;

  @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE",
      description = "Input files, read in the order given (.gz is detected by content).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--report", paramLabel = "DIR", defaultValue = "replay-report",
      description = "Where to write discrepancies.jsonl, report.json, report.md, report.html (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(names = "--fail-under", arity = "1..*", paramLabel = "PCT|route=PCT",
      description = "Cutover gate: exit 1 when a route's parity ((match+noise)/(match+noise+diff+extract_failed)) is under PCT percent; "
          + "route=PCT sets one route's minimum. Repeatable.")
  List<String> failUnder = new ArrayList<>();

  @Option(names = "--allow-incomplete",
      description = "Exit 0/1 by the gate even when inputs were malformed or a side was unreachable (else exit 2).")
  boolean allowIncomplete;

  @Option(names = "--methods", split = ",", arity = "1..*", paramLabel = "METHOD",
      description = "Only take these request methods.")
  List<String> methods = new ArrayList<>();

  @Option(names = "--routes", split = ",", arity = "1..*", paramLabel = "ROUTE",
      description = "Only take these routes (also replays routes whose shadowing is disabled).")
  List<String> routes = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", description = "Take at most N requests (after the filters).")
  long limit = Long.MAX_VALUE;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
      description = "Requests judged at once (default: ${DEFAULT-VALUE}); the report does not depend on it.")
  int concurrency;
}
