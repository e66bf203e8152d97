package dev.strangler.replay.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report's four files into a directory: discrepancies.jsonl, report.json, report.md and
 * report.html. Each is written to a temporary file first and moved into place.
 */
public final class ReportFiles {
  private ReportFiles() {}

  @FunctionalInterface
  private interface Part {
    void write(Report r, Writer out) throws IOException;
  }

  public static void write(Report r, Path dir) throws IOException {
    Files.createDirectories(dir);
    write(r, dir.resolve("discrepancies.jsonl"), DiscrepancyLog::write);
    write(r, dir.resolve("report.json"), JsonReport::write);
    write(r, dir.resolve("report.md"), MarkdownReport::write);
    write(r, dir.resolve("report.html"), HtmlReport::write);
  }

  private static void write(Report r, Path file, Part part) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      part.write(r, out);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
