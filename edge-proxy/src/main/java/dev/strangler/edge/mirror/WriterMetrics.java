package dev.strangler.edge.mirror;

import dev.strangler.edge.capture.CaptureWriter;
import dev.strangler.store.DiscrepancyWriter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/** Exposes the writers' counters: every record or line offered is written, sampled out or dropped. */
final class WriterMetrics {
  private WriterMetrics() {}

  /** Registers {@code edge_discrepancy_records_total{result}} for the writer. */
  static void bind(DiscrepancyWriter writer, MeterRegistry registry) {
    counter(registry, writer, "offered", DiscrepancyWriter::offered);
    counter(registry, writer, "stored", DiscrepancyWriter::stored);
    counter(registry, writer, "sampled_out", DiscrepancyWriter::sampledOut);
    counter(registry, writer, "dropped", DiscrepancyWriter::dropped);
    counter(registry, writer, "failed_writes", DiscrepancyWriter::failedWrites);
    counter(registry, writer, "lost", DiscrepancyWriter::lost);
  }

  /** Registers {@code edge_capture_lines_total{result}} for the capture writer. */
  static void bind(CaptureWriter captures, MeterRegistry registry) {
    for (String result : captures.counters().keySet()) {
      FunctionCounter.builder("edge_capture_lines_total", captures, c -> c.counters().get(result))
          .description("Capture lines by what became of them")
          .tag("result", result)
          .register(registry);
    }
  }

  private static void counter(MeterRegistry registry, DiscrepancyWriter w, String result,
      ToDoubleFunction<DiscrepancyWriter> f) {
    FunctionCounter.builder("edge_discrepancy_records_total", w, f)
        .description("Discrepancy records by what became of them")
        .tag("result", result)
        .register(registry);
  }
}
