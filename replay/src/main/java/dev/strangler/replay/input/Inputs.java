package dev.strangler.replay.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The input files of a run, read one after the other in command-line order, each in its own
 * format (given, or sniffed per file). A file that cannot be opened, has an unknown format, or has
 * a format the command cannot use yields one {@link Problem} and the run goes on.
 */
public final class Inputs {
  private final List<InputFile> files;
  private final Format forced;
  private final Set<Format> usable;
  private final String unusableHint;
  private final List<InputSummary> summaries = new ArrayList<>();

  /**
   * @param paths        the files
   * @param forced       the format of every file; null to sniff each
   * @param usable       the formats the command can use
   * @param unusableHint said of a file in another format
   */
  public Inputs(List<Path> paths, Format forced, Set<Format> usable, String unusableHint) {
    this.files = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      files.add(new InputFile(i, paths.get(i)));
    }
    this.forced = forced;
    this.usable = Set.copyOf(usable);
    this.unusableHint = unusableHint;
  }

  /** Reads every file, in order, until the sink says stop. */
  public void read(ItemSink sink) {
    summaries.clear();
    for (InputFile file : files) {
      if (!read(file, sink)) {
        return;
      }
    }
  }

  /** What was read from each file by the last {@link #read}, in order. */
  public List<InputSummary> summaries() {
    return List.copyOf(summaries);
  }

  private boolean read(InputFile file, ItemSink sink) {
    long[] counts = new long[2];
    ItemSink counting = item -> {
      counts[item instanceof Problem ? 1 : 0]++;
      return sink.accept(item);
    };
    Format format = null;
    boolean more;
    try {
      Optional<Format> f = forced == null ? FormatSniffer.sniff(file) : Optional.of(forced);
      if (f.isEmpty()) {
        more = counting.accept(new Problem(file.line(1),
            "unknown format: neither a capture, a HAR, a Caddy access log nor discrepancy records"));
      } else if (!usable.contains(f.get())) {
        format = f.get();
        more = counting.accept(new Problem(Position.wholeFile(file),
            "cannot use " + format.id() + " input here: " + unusableHint));
      } else {
        format = f.get();
        more = format.reader().read(file, counting);
      }
    } catch (IOException e) {
      more = counting.accept(new Problem(Position.wholeFile(file), "cannot read the file: " + e));
    }
    summaries.add(new InputSummary(file.name(), format == null ? "unknown" : format.id(), counts[0], counts[1]));
    return more;
  }
}
