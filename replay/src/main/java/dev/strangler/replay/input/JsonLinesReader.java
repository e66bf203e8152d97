package dev.strangler.replay.input;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads a line-per-item file (JSONL, optionally gzip) with a {@link LineParser}. Blank lines are
 * passed over; a gzip stream that ends early or a read error ends the file with a {@link Problem}
 * at the line reached, keeping the items read before it.
 */
public final class JsonLinesReader implements InputReader {
  private final LineParser parser;

  public JsonLinesReader(LineParser parser) {
    this.parser = parser;
  }

  @Override
  public boolean read(InputFile file, ItemSink sink) throws IOException {
    try (BufferedReader in = InputStreams.lines(file.path())) {
      long number = 0;
      while (true) {
        String line;
        try {
          line = in.readLine();
        } catch (EOFException e) {
          return sink.accept(new Problem(file.line(number + 1),
              "truncated gzip stream: nothing readable after line " + number));
        } catch (IOException e) {
          return sink.accept(new Problem(file.line(number + 1), "read error: " + e.getMessage()));
        }
        if (line == null) {
          return true;
        }
        number++;
        if (line.isBlank()) {
          continue;
        }
        Item item = parser.parse(file.line(number), line);
        if (item != null && !sink.accept(item)) {
          return false;
        }
      }
    }
  }
}
