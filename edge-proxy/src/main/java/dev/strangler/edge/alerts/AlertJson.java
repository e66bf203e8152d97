package dev.strangler.edge.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.strangler.store.AuditEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The body of one alert: {@code {"event","route","from","to","weight":{"from","to"},"seq","actor",
 * "reason","instance","at"}} (weights are the percentage of users on new),
 * the audit entry's fields and nothing else (no token, no config). {@code seq} is the audit
 * sequence number, the same on every instance: a receiver that may see an alert twice (an answer
 * lost after it was accepted) can use it to tell.
 */
final class AlertJson {
  private static final JsonFactory JSON = new JsonFactory();

  private AlertJson() {}

  static byte[] of(AlertKind kind, AuditEntry e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("event", kind.id());
      g.writeStringField("route", e.route());
      g.writeStringField("from", e.from().id());
      g.writeStringField("to", e.to().id());
      g.writeObjectFieldStart("weight");
      g.writeNumberField("from", e.fromWeight().toNew());
      g.writeNumberField("to", e.toWeight().toNew());
      g.writeEndObject();
      g.writeNumberField("seq", e.seq());
      g.writeStringField("actor", e.actor());
      g.writeStringField("reason", e.reason());
      g.writeStringField("instance", e.instance());
      g.writeStringField("at", e.at().toString());
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }
}
