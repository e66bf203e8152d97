package dev.strangler.capture;

import dev.strangler.record.JsonLine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.routing.Side;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link CaptureLine}: one line of a capture file.
 *
 * <pre>
 * {"v":1,"id":..,"at":"2026-11-25T10:00:00.123Z","route":"post-read","served_by":"legacy",
 *  "request":{"method":"GET","uri":"/posts/hello?x=1","headers":[["Host",".."]],"body_b64":null},
 *  "response":{"status":200,"headers":[["Set-Cookie","a=1"],["Set-Cookie","b=2"]],"body_b64":"..","latency_ms":12.3},
 *  "shadow":{"side":"new","status":200,"headers":[..],"body_b64":"..","latency_ms":8.1}}
 * </pre>
 *
 * <p>An empty body is written as {@code null}; a missing or null {@code body_b64}, {@code headers}
 * or {@code latency_ms} reads as empty or 0. A shadow that gave no answer is written
 * {@code {"side":"new","error":"timeout"}} (an addition to the contract's shape); {@code shadow}
 * is null when the request was not mirrored.
 */
public final class CaptureJson {
  /** The capture format version. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = JsonLine.MAPPER;

  private CaptureJson() {}

  /** The exchange as one line of JSON. */
  public static String write(CaptureLine c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("v", VERSION);
    o.put("id", c.id());
    o.put("at", JsonLine.instant(c.at()));
    o.put("route", c.route());
    o.put("served_by", c.servedBy().id());
    ObjectNode request = o.putObject("request");
    request.put("method", c.request().method());
    request.put("uri", c.request().uri());
    request.set("headers", headers(c.request().headers()));
    request.put("body_b64", base64(c.request().body()));
    putResponse(o.putObject("response"), c.response());
    if (c.shadow() == null) {
      o.putNull("shadow");
    } else {
      ObjectNode shadow = o.putObject("shadow");
      shadow.put("side", c.shadow().side().id());
      if (c.shadow().response() != null) {
        putResponse(shadow, c.shadow().response());
      } else {
        shadow.put("error", c.shadow().error());
      }
    }
    return o.toString();
  }

  private static void putResponse(ObjectNode o, CapturedResponse r) {
    o.put("status", r.status());
    o.set("headers", headers(r.headers()));
    o.put("body_b64", base64(r.body()));
    o.put("latency_ms", r.latencyMs());
  }

  private static ArrayNode headers(List<Map.Entry<String, String>> headers) {
    ArrayNode a = MAPPER.createArrayNode();
    headers.forEach(h -> a.addArray().add(h.getKey()).add(h.getValue()));
    return a;
  }

  private static String base64(byte[] body) {
    return body.length == 0 ? null : Base64.getEncoder().encodeToString(body);
  }

  /**
   * Reads one line written by {@link #write}.
   *
   * @throws IllegalArgumentException when the line is not such an exchange, saying why
   */
  public static CaptureLine read(String line) {
    JsonNode o = JsonLine.object(line);
    if (o.path("v").asInt(-1) != VERSION) {
      throw new IllegalArgumentException("unsupported capture version " + o.path("v") + "; expected " + VERSION);
    }
    JsonNode request = object(o, "request");
    return new CaptureLine(
        text(o, "id", "id"),
        instant(o),
        o.hasNonNull("route") ? o.get("route").asText() : null,
        side(o, "served_by", "served_by"),
        new CaptureLine.Request(text(request, "method", "request.method"), text(request, "uri", "request.uri"),
            headers(request, "request"), body(request, "request")),
        response(object(o, "response"), "response"),
        shadow(o.get("shadow")));
  }

  private static CaptureLine.Shadow shadow(JsonNode s) {
    if (s == null || s.isNull()) {
      return null;
    }
    if (!s.isObject()) {
      throw new IllegalArgumentException("'shadow' must be an object or null");
    }
    Side side = side(s, "side", "shadow.side");
    return s.hasNonNull("error")
        ? new CaptureLine.Shadow(side, null, s.get("error").asText())
        : new CaptureLine.Shadow(side, response(s, "shadow"), null);
  }

  private static CapturedResponse response(JsonNode r, String where) {
    JsonNode status = r.get("status");
    if (status == null || !status.canConvertToInt() || !status.isIntegralNumber()) {
      throw new IllegalArgumentException("'" + where + ".status' must be an integer");
    }
    JsonNode latency = r.get("latency_ms");
    if (latency != null && !latency.isNull() && !latency.isNumber()) {
      throw new IllegalArgumentException("'" + where + ".latency_ms' must be a number");
    }
    return new CapturedResponse(status.intValue(), headers(r, where), body(r, where),
        latency == null ? 0 : latency.asDouble());
  }

  private static List<Map.Entry<String, String>> headers(JsonNode o, String where) {
    JsonNode headers = o.get("headers");
    if (headers == null || headers.isNull()) {
      return List.of();
    }
    if (!headers.isArray()) {
      throw new IllegalArgumentException("'" + where + ".headers' must be a list of [name, value] pairs");
    }
    List<Map.Entry<String, String>> out = new ArrayList<>(headers.size());
    for (JsonNode h : headers) {
      if (!h.isArray() || h.size() != 2 || !h.get(0).isTextual() || !h.get(1).isTextual()) {
        throw new IllegalArgumentException("'" + where + ".headers' has " + h + "; expected a [name, value] pair of strings");
      }
      out.add(Map.entry(h.get(0).textValue(), h.get(1).textValue()));
    }
    return out;
  }

  private static byte[] body(JsonNode o, String where) {
    JsonNode b = o.get("body_b64");
    if (b == null || b.isNull()) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(b.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + where + ".body_b64' is not base64: " + e.getMessage(), e);
    }
  }

  private static JsonNode object(JsonNode o, String key) {
    JsonNode n = o.get(key);
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("'" + key + "' must be an object");
    }
    return n;
  }

  /** A required value as text; {@code label} names it in the message. */
  private static String text(JsonNode o, String key, String label) {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException("missing '" + label + "'");
    }
    return n.asText();
  }

  private static Instant instant(JsonNode o) {
    String at = text(o, "at", "at");
    try {
      return Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'at' is not an ISO-8601 instant: '" + at + "'", e);
    }
  }

  private static Side side(JsonNode o, String key, String label) {
    String id = text(o, key, label);
    return Side.parse(id).orElseThrow(
        () -> new IllegalArgumentException("'" + label + "' must be legacy or new, not '" + id + "'"));
  }
}
