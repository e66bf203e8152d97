package dev.strangler.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium ({@link Chromium#binary()}) driven over the DevTools protocol: one page
 * target, its commands and its events (java.net.http's WebSocket, flat sessions). Events go to
 * the listener in the order the browser sent them.
 */
final class DevTools implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process browser;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private volatile Consumer<JsonNode> events = e -> {};
  private String session;

  private DevTools(Process browser, WebSocket socket) {
    this.browser = browser;
    this.socket = socket;
  }

  /** Starts Chromium with a fresh profile and attaches to a new blank page. */
  static DevTools start(Path profile) throws Exception {
    Process p = new ProcessBuilder(Chromium.binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            url.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        url.completeExceptionally(e);
      }
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    String ws = url.get(60, TimeUnit.SECONDS);
    DevTools[] self = new DevTools[1];
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(ws), new Listener(m -> self[0].received(m))).get(30, TimeUnit.SECONDS);
    self[0] = new DevTools(p, socket);
    String target = self[0].call("Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
    self[0].session = self[0].call("Target.attachToTarget", Map.of("targetId", target, "flatten", true))
        .get("sessionId").asText();
    return self[0];
  }

  /** Where the page's events go from now on. */
  void onEvent(Consumer<JsonNode> listener) {
    this.events = listener;
  }

  /** Calls a method of the page's session and returns its result. */
  JsonNode page(String method, Map<String, Object> params) throws Exception {
    return send(method, params, session);
  }

  private JsonNode call(String method, Map<String, Object> params) throws Exception {
    return send(method, params, null);
  }

  private JsonNode send(String method, Map<String, Object> params, String sessionId) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params));
    if (sessionId != null) {
      msg.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(msg.toString(), true).get(10, TimeUnit.SECONDS);
    JsonNode reply = answer.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + ": " + reply.get("error"));
    }
    return reply.get("result");
  }

  private void received(String text) {
    JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
    } else {
      events.accept(msg);
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.abort();
    browser.destroy();
    if (!browser.waitFor(10, TimeUnit.SECONDS)) {
      browser.destroyForcibly();
    }
  }

  /** Reassembles text frames into messages, handed over in order. */
  private static final class Listener implements WebSocket.Listener {
    private final Consumer<String> messages;
    private final List<CharSequence> parts = new ArrayList<>();

    Listener(Consumer<String> messages) {
      this.messages = messages;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      parts.add(data.toString());
      if (last) {
        String whole = String.join("", parts);
        parts.clear();
        messages.accept(whole);
      }
      ws.request(1);
      return null;
    }
  }
}
