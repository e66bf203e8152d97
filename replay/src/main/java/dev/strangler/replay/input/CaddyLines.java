package dev.strangler.replay.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.capture.CaptureLine;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.routing.Side;
import java.util.List;
import java.util.Map;

/**
 * Parses Caddy's JSON access log lines: {@code request.method}, {@code request.uri},
 * {@code request.host}, {@code request.headers} (name to list of values), {@code status},
 * {@code resp_headers}, {@code duration} (seconds) and {@code ts} (epoch seconds or ISO-8601).
 * Caddy logs no bodies: requests are replayed without one and the recorded response has an
 * empty body. The recorded response counts as the legacy side's. Lines without a
 * {@code request} (Caddy's other log messages) are passed over.
 */
public final class CaddyLines implements LineParser {

  @Override
  public Item parse(Position at, String line) {
    JsonNode o;
    try {
      o = JsonFields.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return new Problem(at, "malformed Caddy log line: not JSON: " + e.getOriginalMessage());
    }
    if (o == null || !o.isObject()) {
      return new Problem(at, "malformed Caddy log line: not a JSON object");
    }
    if (!o.has("request")) {
      return null;
    }
    try {
      return exchange(at, o);
    } catch (IllegalArgumentException e) {
      return new Problem(at, "malformed Caddy log line: " + e.getMessage());
    }
  }

  private static RecordedExchange exchange(Position at, JsonNode o) {
    JsonNode request = JsonFields.object(o, "request", "request");
    List<Map.Entry<String, String>> headers = JsonFields.headerMap(request.get("headers"));
    CaptureLine.Request r = new CaptureLine.Request(JsonFields.required(request, "method", "request.method"),
        JsonFields.required(request, "uri", "request.uri"), headers, null);
    String host = JsonFields.text(request, "host");
    CapturedResponse recorded = null;
    JsonNode status = o.get("status");
    if (status != null && status.isIntegralNumber() && status.intValue() > 0) {
      recorded = new CapturedResponse(status.intValue(), JsonFields.headerMap(o.get("resp_headers")), null,
          o.path("duration").asDouble(0) * 1000);
    }
    return new RecordedExchange(at, r, host == null ? r.header("Host") : host, JsonFields.instant(o.get("ts")),
        r.header("X-Request-Id"), Side.LEGACY, recorded, null);
  }
}
