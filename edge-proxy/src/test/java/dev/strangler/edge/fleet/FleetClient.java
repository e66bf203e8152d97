package dev.strangler.edge.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP/1.1 calls to the edges' data planes and admin APIs. */
final class FleetClient {
  static final String TOKEN = "fleet-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /** An answer: status, the side named by {@link SideServer#SIDE} (null when none) and body. */
  record Reply(int status, String side, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }
  }

  /** GET through a data plane, no token. */
  Reply get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET());
  }

  /** GET of an admin path with the bearer token. */
  Reply admin(EdgeProcess edge, String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(edge.admin() + path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + TOKEN).GET());
  }

  /** POST /admin/routes/{route}/cutover with a JSON body. */
  Reply cutover(EdgeProcess edge, String route, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(edge.admin() + "/admin/routes/" + route + "/cutover"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .header("X-Actor", "fleet-test")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.headers().firstValue(SideServer.SIDE).orElse(null), r.body());
  }
}
