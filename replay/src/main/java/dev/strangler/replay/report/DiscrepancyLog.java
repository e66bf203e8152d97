package dev.strangler.replay.report;

import dev.strangler.record.RecordJson;
import java.io.IOException;
import java.io.Writer;

/** Writes discrepancies.jsonl: every record that is not a match, one per line, in input order. */
public final class DiscrepancyLog {
  private DiscrepancyLog() {}

  public static void write(Report r, Writer out) throws IOException {
    for (Located l : r.records()) {
      out.write(RecordJson.write(l.record()));
      out.write('\n');
    }
  }
}
