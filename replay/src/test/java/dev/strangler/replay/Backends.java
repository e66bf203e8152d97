package dev.strangler.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A legacy and a new backend on ephemeral ports (JDK HttpServer). Both serve the same posts, the
 * legacy one as HTML with a JSON island, the new one as JSON — except that the new side prices
 * the post "priced" at 12.49 instead of 12.5: the deliberate domain difference.
 */
final class Backends implements AutoCloseable {
  /** A request one backend received. */
  record Received(String method, String uri, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> String.join(",", e.getValue()))
          .findFirst().orElse(null);
    }
  }

  final List<Received> legacySeen = new CopyOnWriteArrayList<>();
  final List<Received> freshSeen = new CopyOnWriteArrayList<>();
  private final HttpServer legacy;
  private final HttpServer fresh;
  private final ExecutorService pool = Executors.newFixedThreadPool(16);

  Backends() throws IOException {
    legacy = server(legacySeen, true);
    fresh = server(freshSeen, false);
  }

  URI legacyUrl() {
    return URI.create("http://127.0.0.1:" + legacy.getAddress().getPort());
  }

  URI freshUrl() {
    return URI.create("http://127.0.0.1:" + fresh.getAddress().getPort());
  }

  /** The post's core output as the domain sees it. */
  static String core(String slug, boolean legacySide) {
    String price = !legacySide && slug.equals("priced") ? "12.49" : "12.5";
    return "{\"slug\":\"" + slug + "\",\"title\":\"Post " + slug + "\",\"price\":" + price + ",\"tags\":"
        + (legacySide ? "[\"a\",\"b\"]" : "[\"b\",\"a\"]") + "}";
  }

  /** The legacy page of a post. */
  static String legacyPage(String slug) {
    return "<!DOCTYPE html><html><head><title>Post " + slug + "</title>"
        + "<script id=\"core\" type=\"application/json\">" + core(slug, true) + "</script></head>"
        + "<body><h1>Post " + slug + "</h1></body></html>";
  }

  /** The new side's answer for a post. */
  static String freshPost(String slug) {
    return "{\"post\":" + core(slug, false) + ",\"rendered\":\"<h1>Post " + slug + "</h1>\"}";
  }

  /** Both sides' answer on the post API. */
  static String apiPost(String id) {
    return "{\"id\":\"" + id + "\",\"ok\":true}";
  }

  private HttpServer server(List<Received> seen, boolean legacySide) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    s.createContext("/", ex -> handle(ex, seen, legacySide));
    s.setExecutor(pool);
    s.start();
    return s;
  }

  private static void handle(HttpExchange ex, List<Received> seen, boolean legacySide) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      in.readAllBytes();
    }
    seen.add(new Received(ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders())));
    String path = ex.getRequestURI().getPath();
    int status = 200;
    String type = "application/json";
    String body;
    if (path.startsWith("/posts/")) {
      String slug = path.substring("/posts/".length());
      body = legacySide ? legacyPage(slug) : freshPost(slug);
      type = legacySide ? "text/html; charset=utf-8" : type;
      ex.getResponseHeaders().add("Set-Cookie", "sid=" + slug);
      ex.getResponseHeaders().add("Set-Cookie", "seen=1");
    } else if (path.startsWith("/api/posts/")) {
      body = apiPost(path.substring("/api/posts/".length()));
    } else {
      status = legacySide ? 200 : 404;
      body = legacySide ? "<html>legacy page</html>" : "{\"error\":\"not here yet\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    boolean head = ex.getRequestMethod().toUpperCase(Locale.ROOT).equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  @Override
  public void close() {
    legacy.stop(0);
    fresh.stop(0);
    pool.shutdownNow();
  }
}
