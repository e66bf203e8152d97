package dev.strangler.demo.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.strangler.demo.blog.CoreJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP response: status, content type, extra headers and a fully rendered body. */
public record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {
  public static final String JSON = "application/json";
  public static final String HTML = "text/html; charset=utf-8";

  public Reply {
    headers = Map.copyOf(headers);
  }

  /** A JSON reply. */
  public static Reply json(int status, JsonNode json) {
    try {
      return new Reply(status, JSON, Map.of(), CoreJson.MAPPER.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTML reply. */
  public static Reply html(int status, String html) {
    return new Reply(status, HTML, Map.of(), html.getBytes(StandardCharsets.UTF_8));
  }

  /** A small JSON error body: {@code {"error": code, "message": message}}. */
  public static Reply error(int status, String code, String message) {
    ObjectNode body = CoreJson.MAPPER.createObjectNode().put("error", code).put("message", message);
    return json(status, body);
  }

  /** This reply with one more header. */
  public Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, more, body);
  }

  /**
   * Sends this reply with an exact Content-Length. A HEAD request gets the same headers, including
   * the Content-Length the GET body would have, and no body.
   */
  public void writeTo(HttpExchange exchange) throws IOException {
    var responseHeaders = exchange.getResponseHeaders();
    headers.forEach(responseHeaders::set);
    responseHeaders.set("Content-Type", contentType);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      responseHeaders.set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
