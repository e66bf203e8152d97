package dev.strangler.edge.fidelity;

import dev.strangler.config.ConfigLoader;
import dev.strangler.edge.Main;
import dev.strangler.edge.TestUpstream;
import dev.strangler.record.Outcome;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A whole edge (data plane, admin, mirror side) on a routes.yaml, between two real upstreams, and a client for it. */
final class Sides implements AutoCloseable {
  final TestUpstream legacy;
  final TestUpstream fresh;
  final Path file;
  Main.Edge edge;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** {@code routes} is the YAML of the routes list (indented by two spaces), {@code extra} more top-level keys. */
  Sides(Path dir, TestUpstream legacy, TestUpstream fresh, String extra, String routes) throws Exception {
    this.legacy = legacy;
    this.fresh = fresh;
    this.file = dir.resolve("routes.yaml");
    Files.writeString(file, yaml(extra, routes));
    this.edge = Main.Edge.start(ConfigLoader.load(file), 1, 50);
  }

  String yaml(String extra, String routes) {
    return """
        listen: 127.0.0.1:0
        admin: {listen: 127.0.0.1:0, token: test-token}
        state: {dir: ./state}
        upstreams:
          legacy: {targets: ["%s"]}
          new: {targets: ["%s"]}
        %s
        routes:
        %s""".formatted(legacy.url(), fresh.url(), extra, routes);
  }

  /** Stops the edge and starts another on the same routes.yaml and state (a restart). */
  void restart() throws Exception {
    edge.close();
    edge = Main.Edge.start(ConfigLoader.load(file), 1, 50);
  }

  String base() {
    return "http://127.0.0.1:" + edge.server().port();
  }

  HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  String admin(String path) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.admin().port() + path))
        .header("Authorization", "Bearer test-token").timeout(Duration.ofSeconds(20)).build();
    return http.send(r, HttpResponse.BodyHandlers.ofString()).body();
  }

  /**
   * Sends {@code n} rounds of one GET to each route ({@code /<route>/items/<i>}), one at a time,
   * each awaited until its outcome is counted.
   */
  void drive(int n, String... routes) throws Exception {
    for (int i = 0; i < n; i++) {
      for (String route : routes) {
        long settled = settled(route);
        var r = get("/" + route + "/items/" + i, Map.of());
        if (r.statusCode() != 200) {
          throw new AssertionError(route + " answered " + r.statusCode());
        }
        awaitOutcomes(route, settled + 1);
      }
    }
  }

  private long settled(String route) {
    return edge.outcomes().counts(route).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Waits until {@code n} outcomes of the route were counted. */
  long awaitOutcomes(String route, long n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long seen = 0;
    while (System.nanoTime() < deadline) {
      seen = settled(route);
      if (seen >= n) {
        return seen;
      }
      Thread.sleep(1);
    }
    throw new AssertionError("route " + route + " settled " + seen + " of " + n + " outcomes");
  }

  long count(String route, Outcome o) {
    return edge.outcomes().counts(route).get(o);
  }

  /** A full response with a body and a content type (and a side marker). */
  static FullHttpResponse answer(HttpResponseStatus status, String side, String contentType, byte[] body) {
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    res.headers().set("X-Served-By", side);
    if (contentType != null) {
      res.headers().set("Content-Type", contentType);
    }
    HttpUtil.setContentLength(res, body.length);
    return res;
  }

  @Override
  public void close() {
    edge.close();
    legacy.close();
    fresh.close();
  }
}
