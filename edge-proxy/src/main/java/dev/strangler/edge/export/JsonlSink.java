package dev.strangler.edge.export;

import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.RecordJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;

/** Writes each record as one JSONL line ({@link RecordJson#write}) and counts them. */
final class JsonlSink implements Consumer<DiscrepancyRecord> {
  private final Writer out;
  private long written;

  JsonlSink(Writer out) {
    this.out = out;
  }

  /** @throws UncheckedIOException when the output fails */
  @Override
  public void accept(DiscrepancyRecord record) {
    try {
      out.write(RecordJson.write(record));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    written++;
  }

  long written() {
    return written;
  }
}
