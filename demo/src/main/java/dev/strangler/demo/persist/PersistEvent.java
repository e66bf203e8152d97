package dev.strangler.demo.persist;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an append-only stream, the contract's {@code {:stream :seq :type :at :data}}. The
 * seq is assigned by the appender (last-seq + 1), never by the store; {@code data} is any JSON value,
 * kept as its own canonical copy so the event stays immutable and equals the event read back.
 */
public record PersistEvent(String stream, long seq, String type, Instant at, JsonNode data) {
  public PersistEvent {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    data = JsonValues.canonical(data);
  }

  /** The event data (a copy; the event itself cannot be changed through it). */
  @Override
  public JsonNode data() {
    return data.deepCopy();
  }
}
