package dev.strangler.edge.admin.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Debian's headless {@code chromium} driven through {@code chromedriver}'s W3C WebDriver API. */
final class WebDriver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  private final HttpClient http = HttpClient.newHttpClient();
  private final Process driver;
  private final String base;

  WebDriver(Path profile) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    driver = new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String root = "http://127.0.0.1:" + port;
    try {
      waitUntil(() -> status(root), Duration.ofSeconds(20), "chromedriver did not start");
      base = root + "/session/" + send("POST", root + "/session", capabilities(profile)).get("sessionId").asText();
    } catch (Exception | AssertionError e) {
      driver.destroy();
      throw e;
    }
  }

  private static ObjectNode capabilities(Path profile) {
    ObjectNode caps = JSON.createObjectNode();
    ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
    always.put("browserName", "chrome");
    always.putObject("goog:loggingPrefs").put("browser", "ALL");
    ObjectNode options = always.putObject("goog:chromeOptions");
    options.put("binary", "/usr/bin/chromium");
    List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--window-size=1280,900", "--user-data-dir=" + profile).forEach(options.withArray("args")::add);
    return caps;
  }

  void open(String url) throws Exception {
    command("POST", "/url", Map.of("url", url));
  }

  String find(String css) throws Exception {
    JsonNode ref = command("POST", "/element", Map.of("using", "css selector", "value", css));
    if (!ref.has(ELEMENT)) {
      throw new AssertionError("no element " + css + ": " + ref);
    }
    return ref.get(ELEMENT).asText();
  }

  void click(String css) throws Exception {
    command("POST", "/element/" + find(css) + "/click", Map.of());
  }

  void type(String css, String text) throws Exception {
    String id = find(css);
    command("POST", "/element/" + id + "/clear", Map.of());
    command("POST", "/element/" + id + "/value", Map.of("text", text));
  }

  /** Runs a script's body ({@code return ...}) in the page and gives its JSON result. */
  JsonNode script(String body, Object... args) throws Exception {
    return command("POST", "/execute/sync", Map.of("script", body, "args", List.of(args)));
  }

  String text(String css) throws Exception {
    return script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css).asText();
  }

  /** Waits for a script's body to return true. */
  void await(String body, Duration timeout, Object... args) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!script(body, args).asBoolean(false)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + body + " " + List.of(args));
      }
      Thread.sleep(100);
    }
  }

  void screenshot(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(command("GET", "/screenshot", null).asText()));
  }

  /** The browser console's entries so far (each with level and message). */
  JsonNode browserLog() throws Exception {
    return command("POST", "/se/log", Map.of("type", "browser"));
  }

  private JsonNode command(String method, String path, Object body) throws Exception {
    return send(method, base + path, body);
  }

  private JsonNode send(String method, String url, Object body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    b.header("Content-Type", "application/json");
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode value = JSON.readTree(r.body()).get("value");
    if (r.statusCode() != 200) {
      throw new AssertionError("WebDriver " + method + " " + url + ": " + r.statusCode() + " " + value);
    }
    return value;
  }

  private boolean status(String root) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(root + "/status")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static void waitUntil(BooleanSupplier ok, Duration timeout, String failure) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(failure);
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      send("DELETE", base, null);
    } finally {
      driver.destroy();
      driver.waitFor();
    }
  }
}
