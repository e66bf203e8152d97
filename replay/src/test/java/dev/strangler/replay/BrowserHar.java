package dev.strangler.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records what a {@link DevTools} page really sent and got, from its {@code Network} events, as
 * HAR 1.2: the request headers as they went on the wire ({@code requestWillBeSentExtraInfo}:
 * cookies, Accept-Encoding, Host), the response head and its body (decoded, base64 when binary).
 */
final class BrowserHar {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One request of the page. */
  private static final class Entry {
    JsonNode request;
    double wallTime;
    JsonNode wireHeaders;
    JsonNode response;
    boolean finished;
    JsonNode body;
  }

  private final DevTools page;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private volatile boolean loaded;
  private volatile long lastEventNanos = System.nanoTime();

  BrowserHar(DevTools page) throws Exception {
    this.page = page;
    page.onEvent(this::event);
    page.page("Network.enable", Map.of());
    page.page("Page.enable", Map.of());
  }

  private synchronized void event(JsonNode e) {
    lastEventNanos = System.nanoTime();
    JsonNode p = e.path("params");
    String id = p.path("requestId").asText();
    switch (e.path("method").asText()) {
      case "Network.requestWillBeSent" -> {
        Entry entry = entries.computeIfAbsent(id, k -> new Entry());
        entry.request = p.get("request");
        entry.wallTime = p.path("wallTime").asDouble();
      }
      case "Network.requestWillBeSentExtraInfo" -> entries.computeIfAbsent(id, k -> new Entry()).wireHeaders =
          p.get("headers");
      case "Network.responseReceived" -> entries.computeIfAbsent(id, k -> new Entry()).response = p.get("response");
      case "Network.loadingFinished", "Network.loadingFailed" -> entries.computeIfAbsent(id, k -> new Entry()).finished =
          true;
      case "Page.loadEventFired" -> loaded = true;
      default -> { }
    }
  }

  /** Opens a URL and waits until the page loaded and its network was quiet for half a second. */
  void open(String url) throws Exception {
    loaded = false;
    page.page("Page.navigate", Map.of("url", url));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (loaded && quiet()) {
        fetchBodies();
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the page " + url + " did not load within 60 s");
  }

  private synchronized boolean quiet() {
    return System.nanoTime() - lastEventNanos > 500_000_000L && entries.values().stream().allMatch(e -> e.finished);
  }

  private void fetchBodies() throws Exception {
    List<Map.Entry<String, Entry>> todo;
    synchronized (this) {
      todo = entries.entrySet().stream().filter(e -> e.getValue().response != null && e.getValue().body == null).toList();
    }
    for (Map.Entry<String, Entry> e : todo) {
      try {
        e.getValue().body = page.page("Network.getResponseBody", Map.of("requestId", e.getKey()));
      } catch (IllegalStateException noBody) {
        e.getValue().body = JSON.createObjectNode();
      }
    }
  }

  /** The hrefs of the page's links. */
  List<String> links() throws Exception {
    JsonNode r = page.page("Runtime.evaluate", Map.of("returnByValue", true,
        "expression", "JSON.stringify(Array.from(document.querySelectorAll('a[href]')).map(a => a.href))"));
    List<String> out = new ArrayList<>();
    JSON.readTree(r.path("result").path("value").asText("[]")).forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Sets a cookie the browser sends with every request to {@code url}. */
  void cookie(String url, String name, String value) throws Exception {
    page.page("Network.setCookie", Map.of("url", url, "name", name, "value", value));
  }

  /** Writes what was recorded as a HAR 1.2 file. */
  synchronized void write(Path file) throws IOException {
    ObjectNode har = JSON.createObjectNode();
    ObjectNode log = har.putObject("log");
    log.put("version", "1.2");
    log.putObject("creator").put("name", "strangler-edge BrowserHar").put("version", "1");
    log.putArray("pages");
    ArrayNode list = log.putArray("entries");
    for (Entry e : entries.values()) {
      if (e.request == null || e.response == null) {
        continue;
      }
      ObjectNode entry = list.addObject();
      entry.put("startedDateTime", Instant.ofEpochMilli((long) (e.wallTime * 1000)).toString());
      entry.put("time", 0);
      ObjectNode req = entry.putObject("request");
      req.put("method", e.request.path("method").asText());
      req.put("url", e.request.path("url").asText());
      req.put("httpVersion", "HTTP/1.1");
      req.set("headers", headers(e.wireHeaders != null ? e.wireHeaders : e.request.path("headers")));
      req.putArray("queryString");
      req.putArray("cookies");
      req.put("headersSize", -1).put("bodySize", 0);
      ObjectNode res = entry.putObject("response");
      res.put("status", e.response.path("status").asInt());
      res.put("statusText", e.response.path("statusText").asText(""));
      res.put("httpVersion", "HTTP/1.1");
      res.set("headers", headers(e.response.path("headers")));
      res.putArray("cookies");
      ObjectNode content = res.putObject("content");
      content.put("size", -1).put("mimeType", e.response.path("mimeType").asText(""));
      if (e.body != null && e.body.has("body")) {
        content.put("text", e.body.get("body").asText());
        if (e.body.path("base64Encoded").asBoolean()) {
          content.put("encoding", "base64");
        }
      }
      res.put("redirectURL", "").put("headersSize", -1).put("bodySize", -1);
      entry.putObject("cache");
      entry.putObject("timings").put("send", 0).put("wait", 0).put("receive", 0);
    }
    JSON.writeValue(file.toFile(), har);
  }

  /** DevTools headers ({name: value}, repeats joined by newlines) as HAR's [{name, value}]. */
  private static ArrayNode headers(JsonNode map) {
    ArrayNode out = JSON.createArrayNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      for (String value : h.getValue().asText().split("\n")) {
        out.addObject().put("name", h.getKey()).put("value", value);
      }
    }
    return out;
  }
}
