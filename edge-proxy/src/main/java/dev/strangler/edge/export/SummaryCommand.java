package dev.strangler.edge.export;

import dev.strangler.compare.Diff;
import dev.strangler.config.ConfigException;
import dev.strangler.config.ConfigLoader;
import dev.strangler.config.EdgeConfig;
import dev.strangler.store.DiscrepancyStore;
import dev.strangler.store.FingerprintGroup;
import dev.strangler.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edge summary}: the discrepancy groups of the state store in plain text, one group per
 * bug with its count and an example's differing paths (legacy → new). Exit codes as export.
 */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = "Prints the discrepancy groups (one per bug) with an example diff.")
public final class SummaryCommand implements Callable<Integer> {
  private static final int EXAMPLE_DIFFS = 6;

  @Spec CommandSpec spec;

  @Option(names = "--since", defaultValue = "1d", paramLabel = "WHEN", converter = SinceConverter.class,
      description = "groups seen at or after this: ISO-8601 instant or 15m, 2h, 1d (default: ${DEFAULT-VALUE})")
  Instant since;

  @Option(names = "--route", paramLabel = "ID", description = "only this route's groups")
  String route;

  @Option(names = "--limit", defaultValue = "20", description = "groups at most (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--config", defaultValue = "routes.yaml",
      description = "routes.yaml whose state.store to read (default: ${DEFAULT-VALUE})")
  Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EdgeConfig cfg;
    try {
      cfg = ConfigLoader.load(config);
    } catch (ConfigException e) {
      err.println("edge summary: " + e.getMessage());
      return ExportCommand.BAD_CONFIG;
    }
    try (DiscrepancyStore store = DiscrepancyStore.open(cfg.state().store())) {
      List<FingerprintGroup> groups = store.groups(route, since, limit);
      out.println(groups.size() + " discrepancy group(s)" + (route == null ? "" : " on route " + route));
      for (FingerprintGroup g : groups) {
        print(out, g);
      }
      out.flush();
      return 0;
    } catch (StoreException e) {
      err.println("edge summary: " + e.getMessage());
      return ExportCommand.FAILED;
    }
  }

  private static void print(PrintWriter out, FingerprintGroup g) {
    out.printf("  %s  %s  count=%d  first=%s  last=%s%n",
        g.route(), g.fingerprint(), g.count(), g.firstSeen(), g.lastSeen());
    if (g.example() == null) {
      return;
    }
    var e = g.example();
    out.printf("    e.g. %s %s%s -> %s%n", e.method(), e.path(), e.query() == null ? "" : "?" + e.query(),
        e.reason() == null ? e.outcome().id() : e.outcome().id() + " (" + e.reason() + ")");
    List<Diff> diffs = e.diffs();
    for (Diff d : diffs.subList(0, Math.min(EXAMPLE_DIFFS, diffs.size()))) {
      out.printf("    %-14s %-32s legacy=%s new=%s%n", d.kind().id(), d.path(), d.legacy(), d.fresh());
    }
    if (diffs.size() > EXAMPLE_DIFFS) {
      out.printf("    ... %d more%n", diffs.size() - EXAMPLE_DIFFS);
    }
  }
}
