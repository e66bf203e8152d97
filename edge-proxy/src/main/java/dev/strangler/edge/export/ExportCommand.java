package dev.strangler.edge.export;

import dev.strangler.config.ConfigException;
import dev.strangler.config.ConfigLoader;
import dev.strangler.config.EdgeConfig;
import dev.strangler.store.DiscrepancyStore;
import dev.strangler.store.StoreException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edge export}: streams the stored discrepancy records of the edge's state store as JSONL
 * (the record format, one a line), oldest first, to stdout or a file. A file appears only once
 * it is complete. Exit 0 when done, 1 when the store or the output fails, 2 on a bad config or
 * bad options.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Writes stored discrepancy records as JSONL, oldest first.")
public final class ExportCommand implements Callable<Integer> {
  static final int BAD_CONFIG = 2;
  static final int FAILED = 1;

  @Spec CommandSpec spec;

  @Option(names = "--since", required = true, paramLabel = "WHEN", converter = SinceConverter.class,
      description = "records at or after this: an ISO-8601 instant (2026-11-25T10:00:00Z)"
          + " or a duration back from now (15m, 2h, 1d)")
  Instant since;

  @Option(names = "--route", paramLabel = "ID", description = "only this route's records")
  String route;

  @Option(names = "--config", defaultValue = "routes.yaml",
      description = "routes.yaml whose state.store to read (default: ${DEFAULT-VALUE})")
  Path config;

  @Option(names = "--output", paramLabel = "FILE", description = "write here instead of stdout")
  Path output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    EdgeConfig cfg;
    try {
      cfg = ConfigLoader.load(config);
    } catch (ConfigException e) {
      err.println("edge export: " + e.getMessage());
      return BAD_CONFIG;
    }
    try (DiscrepancyStore store = DiscrepancyStore.open(cfg.state().store())) {
      long written = output == null ? toStdout(store) : toFile(store, output);
      err.println("edge export: " + written + " record(s) written"
          + (output == null ? "" : " to " + output));
      return 0;
    } catch (StoreException | IOException | UncheckedIOException e) {
      err.println("edge export: " + e.getMessage());
      return FAILED;
    }
  }

  private long toStdout(DiscrepancyStore store) throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    long written = export(store, out);
    out.flush();
    return written;
  }

  /** Writes next to the target and moves it into place when complete. */
  private long toFile(DiscrepancyStore store, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      long written;
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        written = export(store, out);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return written;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private long export(DiscrepancyStore store, Writer out) {
    JsonlSink sink = new JsonlSink(out);
    store.export(route, since, sink);
    return sink.written();
  }
}
