package dev.strangler.replay;

import dev.strangler.capture.CaptureJson;
import dev.strangler.capture.CaptureLine;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.routing.Side;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Test inputs: routes.yaml and capture lines written into a temp directory. */
final class Corpus {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00.000Z");

  private Corpus() {}

  /** routes.yaml pointing at the backends; {@code compareExtra} goes into post-read's compare block. */
  static Path config(Path dir, Backends b, String compareExtra) throws IOException {
    return config(dir, b.legacyUrl().toString(), b.freshUrl().toString(), compareExtra);
  }

  static Path config(Path dir, String legacy, String fresh, String compareExtra) throws IOException {
    Path file = dir.resolve("routes.yaml");
    Files.writeString(file, """
        listen: 127.0.0.1:0
        state: {dir: ./data}
        upstreams:
          legacy: {targets: ["%s"]}
          new:    {targets: ["%s"]}
        routes:
          - id: post-read
            match: {path: "/posts/{slug}", methods: [GET, HEAD]}
            primary: legacy
            core:
              legacy: {html-island: "script#core"}
              new:    {json: "/post"}
            compare: {mode: lenient, unordered: ["$.tags"]%s}
          - id: post-api
            match: {path: "/api/posts/**"}
            primary: legacy
            core: {legacy: {json: ""}, new: {json: ""}}
          - id: static-pages
            match: {path: "/static/**"}
            primary: legacy
            shadow: {enabled: false}
        """.formatted(legacy, fresh, compareExtra));
    return file;
  }

  /** A recorded GET (or other method) served by legacy, with the new side's shadow. */
  static CaptureLine exchange(int n, String method, String uri) {
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    CapturedResponse legacy;
    CapturedResponse fresh;
    if (path.startsWith("/posts/")) {
      String slug = path.substring("/posts/".length());
      legacy = response(Backends.legacyPage(slug), "text/html");
      fresh = response(Backends.freshPost(slug), "application/json");
    } else {
      legacy = response(Backends.apiPost(path.substring(path.lastIndexOf('/') + 1)), "application/json");
      fresh = legacy;
    }
    List<Map.Entry<String, String>> headers = List.of(Map.entry("Host", "blog.example"),
        Map.entry("Connection", "keep-alive, X-Hop"), Map.entry("X-Hop", "secret-hop"),
        Map.entry("Authorization", "***"), Map.entry("X-Request-Id", "req-" + n), Map.entry("Accept", "*/*"));
    return new CaptureLine("cap-" + n, T0.plusSeconds(n), null, Side.LEGACY,
        new CaptureLine.Request(method, uri, headers, method.equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null),
        legacy, new CaptureLine.Shadow(Side.NEW, fresh, null));
  }

  static CapturedResponse response(String body, String type) {
    return new CapturedResponse(200, List.of(Map.entry("Content-Type", type), Map.entry("Set-Cookie", "a=1"),
        Map.entry("Set-Cookie", "b=2")), body.getBytes(StandardCharsets.UTF_8), 3.5);
  }

  /**
   * The standard capture: post-read hello (match), priced (diff), world (match); post-api POST
   * (write, skipped) and GET (match); /about (no route); /static/app.css (shadow disabled).
   */
  static List<String> standardLines() {
    List<String> lines = new ArrayList<>();
    lines.add(CaptureJson.write(exchange(1, "GET", "/posts/hello")));
    lines.add(CaptureJson.write(exchange(2, "GET", "/posts/priced")));
    lines.add(CaptureJson.write(exchange(3, "GET", "/posts/world?ref=home")));
    lines.add(CaptureJson.write(exchange(4, "POST", "/api/posts/new")));
    lines.add(CaptureJson.write(exchange(5, "GET", "/api/posts/7")));
    lines.add(CaptureJson.write(exchange(6, "GET", "/about")));
    lines.add(CaptureJson.write(exchange(7, "GET", "/static/app.css")));
    return lines;
  }

  static Path write(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  static byte[] gzip(List<String> lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
