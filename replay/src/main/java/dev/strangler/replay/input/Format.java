package dev.strangler.replay.input;

import java.util.Locale;

/** The input formats. */
public enum Format {
  /** The edge's capture lines (JSONL). */
  CAPTURE(new JsonLinesReader(new CaptureLines())),
  /** HAR 1.2 (a JSON document). */
  HAR(new HarReader()),
  /** Caddy's JSON access log (JSONL). */
  CADDY(new JsonLinesReader(new CaddyLines())),
  /** Discrepancy record lines (JSONL), as the edge exports them. */
  RECORDS(new JsonLinesReader(new RecordLines()));

  private final InputReader reader;

  Format(InputReader reader) {
    this.reader = reader;
  }

  /** The reader of this format. */
  public InputReader reader() {
    return reader;
  }

  /** The name used on the command line and in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
