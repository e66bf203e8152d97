package dev.strangler.replay.send;

import dev.strangler.capture.CaptureLine;
import dev.strangler.extract.CapturedResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends recorded requests to a side over HTTP/1.1 (java.net.http, pooled keep-alive connections,
 * no redirects followed) and captures the answer: status, headers (repeats kept), the body bytes
 * as sent and the latency. Thread-safe.
 */
public final class Sender {
  private final HttpClient client;

  public Sender(Duration connectTimeout) {
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Sends the request to {@code base} (scheme, authority and an optional path prefix).
   *
   * @param host    the host the request was recorded for (sent as X-Forwarded-Host); may be null
   * @param timeout how long to wait for the response
   */
  public Answer send(URI base, CaptureLine.Request request, String host, Duration timeout) throws InterruptedException {
    HttpRequest http;
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(target(base, request.uri()))
          .timeout(timeout)
          .method(request.method(), request.body().length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(request.body()));
      ReplayHeaders.of(request.headers(), host).forEach(h -> b.header(h.getKey(), h.getValue()));
      http = b.build();
    } catch (IllegalArgumentException e) {
      return Answer.failed("unsendable: " + e.getMessage(), false);
    }
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> r = client.send(http, HttpResponse.BodyHandlers.ofByteArray());
      double latency = (System.nanoTime() - start) / 1e6;
      return Answer.of(new CapturedResponse(r.statusCode(), headers(r), r.body(), latency));
    } catch (HttpConnectTimeoutException e) {
      return Answer.failed("connect-timeout", true);
    } catch (HttpTimeoutException e) {
      return Answer.failed("timeout", false);
    } catch (ConnectException e) {
      return Answer.failed("connect-failed", true);
    } catch (IOException e) {
      return Answer.failed("io-error: " + e.getMessage(), false);
    }
  }

  private static URI target(URI base, String uri) {
    String b = base.toString();
    if (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return URI.create(b + (uri.startsWith("/") ? uri : "/" + uri));
  }

  private static List<Map.Entry<String, String>> headers(HttpResponse<?> r) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    r.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":")) {
        values.forEach(v -> out.add(Map.entry(name, v)));
      }
    });
    return out;
  }
}
