package dev.strangler.replay.input;

import dev.strangler.record.RecordJson;

/** Parses discrepancy record lines ({@link RecordJson}), as the edge exports them. */
public final class RecordLines implements LineParser {

  @Override
  public Item parse(Position at, String line) {
    try {
      return new StoredRecord(at, RecordJson.read(line));
    } catch (IllegalArgumentException e) {
      return new Problem(at, "malformed discrepancy record: " + e.getMessage());
    }
  }
}
