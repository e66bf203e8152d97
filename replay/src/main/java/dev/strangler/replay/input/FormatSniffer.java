package dev.strangler.replay.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells the format of a file from its first lines ({@code --format auto}): the first of them
 * that is a whole JSON object decides — {@code log} makes a HAR, {@code served_by} with
 * {@code request} a capture, {@code outcome} with {@code fingerprint} a discrepancy record,
 * {@code request} with {@code status} or {@code ts} a Caddy log line. When none is, a file that
 * starts with '{' or ends in .har is taken for a pretty-printed HAR.
 */
public final class FormatSniffer {
  private static final int LINES = 8;

  private FormatSniffer() {}

  /** The format, or empty when the file looks like none of them. */
  public static Optional<Format> sniff(InputFile file) throws IOException {
    String lower = file.path().getFileName().toString().toLowerCase(Locale.ROOT);
    String first = null;
    try (BufferedReader in = InputStreams.lines(file.path())) {
      int seen = 0;
      for (String line = in.readLine(); line != null && seen < LINES; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        seen++;
        first = first == null ? line.strip() : first;
        Optional<Format> f = ofLine(line);
        if (f.isPresent()) {
          return f;
        }
      }
    } catch (IOException e) {
      if (first == null) {
        throw e;
      }
    }
    boolean harLike = lower.endsWith(".har") || lower.endsWith(".har.gz") || (first != null && first.startsWith("{"));
    return harLike ? Optional.of(Format.HAR) : Optional.empty();
  }

  private static Optional<Format> ofLine(String line) {
    JsonNode o;
    try {
      o = JsonFields.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (o == null || !o.isObject()) {
      return Optional.empty();
    }
    if (o.has("log")) {
      return Optional.of(Format.HAR);
    }
    if (o.has("served_by") && o.has("request")) {
      return Optional.of(Format.CAPTURE);
    }
    if (o.has("outcome") && o.has("fingerprint")) {
      return Optional.of(Format.RECORDS);
    }
    if (o.has("request") && (o.has("status") || o.has("ts"))) {
      return Optional.of(Format.CADDY);
    }
    return Optional.empty();
  }
}
