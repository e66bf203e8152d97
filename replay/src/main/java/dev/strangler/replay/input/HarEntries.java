package dev.strangler.replay.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.capture.CaptureLine;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.routing.Side;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns one HAR 1.2 entry into an exchange: {@code request.method}, {@code request.url},
 * {@code request.headers}, {@code request.postData.text}, {@code response.status},
 * {@code response.headers} (repeats such as several Set-Cookie kept in order),
 * {@code response.content.text} (base64 when {@code content.encoding} says so),
 * {@code startedDateTime} and {@code time}. A HAR stores bodies already decoded, so the recorded
 * response loses its Content-Encoding and Content-Length headers. The recorded response counts
 * as the legacy side's; a status of 0 (no response) records none.
 */
final class HarEntries {
  private HarEntries() {}

  /** The exchange of an entry, or a problem saying what is wrong with it. */
  static Item exchange(Position at, JsonNode entry) {
    try {
      return parse(at, entry);
    } catch (IllegalArgumentException e) {
      return new Problem(at, "malformed HAR entry: " + e.getMessage());
    }
  }

  private static RecordedExchange parse(Position at, JsonNode entry) {
    if (!entry.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode request = JsonFields.object(entry, "request", "request");
    String url = JsonFields.required(request, "url", "request.url");
    URI target;
    try {
      target = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'request.url' is not a URL: " + e.getMessage(), e);
    }
    String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    String uri = target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
    List<Map.Entry<String, String>> headers = headers(request.get("headers"));
    JsonNode postData = request.get("postData");
    CaptureLine.Request r = new CaptureLine.Request(JsonFields.required(request, "method", "request.method"), uri,
        headers, postData == null || postData.isNull() ? null : body(postData, "request.postData"));
    String host = r.header("Host");
    if (host == null && target.getHost() != null) {
      host = target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
    }
    return new RecordedExchange(at, r, host, JsonFields.instant(entry.get("startedDateTime")), r.header("X-Request-Id"),
        Side.LEGACY, response(entry), null);
  }

  private static CapturedResponse response(JsonNode entry) {
    JsonNode response = entry.get("response");
    if (response == null || !response.isObject() || response.path("status").asInt(0) <= 0) {
      return null;
    }
    List<Map.Entry<String, String>> headers = headers(response.get("headers")).stream()
        .filter(h -> !h.getKey().equalsIgnoreCase("Content-Encoding") && !h.getKey().equalsIgnoreCase("Content-Length"))
        .toList();
    JsonNode content = response.get("content");
    byte[] body = content == null || !content.isObject() ? null : body(content, "response.content");
    return new CapturedResponse(response.get("status").asInt(), headers, body, Math.max(0, entry.path("time").asDouble(0)));
  }

  private static List<Map.Entry<String, String>> headers(JsonNode list) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (list == null || !list.isArray()) {
      return out;
    }
    for (JsonNode h : list) {
      String name = JsonFields.text(h, "name");
      if (name != null) {
        out.add(Map.entry(name, h.path("value").asText("")));
      }
    }
    return out;
  }

  private static byte[] body(JsonNode holder, String label) {
    String text = JsonFields.text(holder, "text");
    if (text == null) {
      return null;
    }
    if ("base64".equalsIgnoreCase(JsonFields.text(holder, "encoding"))) {
      try {
        return Base64.getMimeDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + label + ".text' is not base64: " + e.getMessage(), e);
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
