package dev.strangler.replay.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a HAR 1.2 file (optionally gzip) entry by entry with a streaming parser, so a large HAR
 * never sits in memory whole. An entry's position is the line its object starts on. A file that
 * is not a HAR, or breaks off, ends with a {@link Problem} at the line reached.
 */
public final class HarReader implements InputReader {

  @Override
  public boolean read(InputFile file, ItemSink sink) throws IOException {
    long seq = 0;
    long line = 1;
    try (InputStream in = InputStreams.open(file.path());
        JsonParser p = JsonFields.MAPPER.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT || !enter(p, "log") || !enter(p, "entries")
          || p.currentToken() != JsonToken.START_ARRAY) {
        return sink.accept(new Problem(at(file, p.currentLocation().getLineNr(), 1),
            "not a HAR file: expected {\"log\": {\"entries\": [...]}}"));
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        line = p.currentTokenLocation().getLineNr();
        JsonNode entry = p.readValueAsTree();
        seq++;
        if (!sink.accept(HarEntries.exchange(at(file, line, seq), entry))) {
          return false;
        }
      }
      return true;
    } catch (EOFException e) {
      return sink.accept(new Problem(at(file, line, seq + 1), "truncated gzip stream after HAR entry " + seq));
    } catch (JsonProcessingException e) {
      long reached = e.getLocation() == null ? line : e.getLocation().getLineNr();
      return sink.accept(new Problem(at(file, reached, seq + 1),
          "malformed HAR after entry " + seq + ": " + e.getOriginalMessage()));
    }
  }

  /**
   * Moves into the value of {@code field} of the current object, skipping the other fields.
   *
   * @return false when the object has no such field or the current token is not an object
   */
  private static boolean enter(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return false;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals(field)) {
        return value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY;
      }
      p.skipChildren();
    }
    return false;
  }

  private static Position at(InputFile file, long line, long seq) {
    return new Position(file.index(), file.name(), Math.max(line, 1), seq);
  }
}
