package dev.strangler.replay.input;

import dev.strangler.capture.CaptureJson;
import dev.strangler.capture.CaptureLine;

/** Parses the edge's capture lines ({@link CaptureJson}). */
public final class CaptureLines implements LineParser {

  @Override
  public Item parse(Position at, String line) {
    CaptureLine c;
    try {
      c = CaptureJson.read(line);
    } catch (IllegalArgumentException e) {
      return new Problem(at, "malformed capture line: " + e.getMessage());
    }
    String requestId = c.request().header("X-Request-Id");
    return new RecordedExchange(at, c.request(), c.request().header("Host"), c.at(),
        requestId == null ? c.id() : requestId, c.servedBy(), c.response(), c.shadow());
  }
}
