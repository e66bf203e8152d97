package dev.strangler.edge.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.edge.fleet.Backoff;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The few calls of the edge's admin API a rollout makes, over HTTP with the JDK client, as actor
 * {@code rollout}. A 503 (store unavailable) is retried a few times with backoff; every other
 * failure is an {@link AdminError} whose message never holds the token.
 */
final class AdminApi {
  static final String ACTOR = "rollout";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 5;
  private static final int AUDIT_PAGE = 1000;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final AdminTarget target;
  private final HttpClient http;

  AdminApi(AdminTarget target) {
    this.target = target;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The route's weight and parity from {@code GET /admin/routes}. */
  RouteState route(String id) throws AdminError, InterruptedException {
    for (JsonNode r : send(get("/admin/routes")).body().path("routes")) {
      if (id.equals(r.path("id").asText())) {
        return RouteState.of(r);
      }
    }
    throw new AdminError("the edge at " + target.base() + " has no route '" + id + "'");
  }

  /**
   * {@code POST /admin/routes/{id}/weight}; returns the stored audit entry.
   *
   * @throws WeightConflict when {@code expect} is not the weight in force
   */
  AuditEvent setWeight(String id, int weight, int expect, String reason)
      throws AdminError, WeightConflict, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("new", weight).put("reason", reason).put("expect", expect);
    HttpRequest request = request("/admin/routes/" + encode(id) + "/weight")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    Reply reply = sendAllowing(request, 409);
    if (reply.status() == 409) {
      throw new WeightConflict(reply.body().path("seq").asLong(), reply.body().path("weight").path("new").asInt());
    }
    return AuditEvent.of(reply.body());
  }

  /** Every audit entry with a sequence number above {@code after}, oldest first. */
  List<AuditEvent> auditAfter(long after) throws AdminError, InterruptedException {
    List<AuditEvent> events = new ArrayList<>();
    long cursor = after;
    while (true) {
      JsonNode entries = send(get("/admin/audit?after=" + cursor + "&limit=" + AUDIT_PAGE)).body().path("entries");
      for (JsonNode e : entries) {
        AuditEvent event = AuditEvent.of(e);
        events.add(event);
        cursor = Math.max(cursor, event.seq());
      }
      if (entries.size() < AUDIT_PAGE) {
        return events;
      }
    }
  }

  /** The audit entry with sequence number {@code seq}, or null when there is none. */
  AuditEvent entry(long seq) throws AdminError, InterruptedException {
    JsonNode entries = send(get("/admin/audit?after=" + (seq - 1) + "&limit=1")).body().path("entries");
    AuditEvent e = entries.isEmpty() ? null : AuditEvent.of(entries.get(0));
    return e != null && e.seq() == seq ? e : null;
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(target.base().resolve(path.substring(1))).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + target.token()).header("X-Actor", ACTOR);
  }

  private Reply send(HttpRequest request) throws AdminError, InterruptedException {
    return sendAllowing(request, 200);
  }

  /** Sends with retries on 503; a 200 or {@code allowed} is returned, anything else is an error. */
  private Reply sendAllowing(HttpRequest request, int allowed) throws AdminError, InterruptedException {
    Backoff backoff = new Backoff(500, 4000);
    String what = request.method() + " " + request.uri().getRawPath();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new AdminError(what + ": cannot reach the admin API at " + target.base() + " (" + cause(e) + ")", e);
      }
      int status = response.statusCode();
      if (status == 200 || status == allowed) {
        return new Reply(status, parse(what, response.body()));
      }
      if (status == 503 && attempt < ATTEMPTS) {
        Thread.sleep(backoff.next());
        continue;
      }
      throw new AdminError(what + ": " + explain(status, response.body()));
    }
  }

  private static String explain(int status, String body) {
    return switch (status) {
      case 401 -> "401: the admin token was refused (check --token-env or the config's admin.token)";
      case 503 -> "503 after " + ATTEMPTS + " attempts: " + error(body);
      default -> status + ": " + error(body);
    };
  }

  private static String error(String body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      return error.isTextual() ? error.asText() : "(no error message)";
    } catch (JsonProcessingException e) {
      return "(not a JSON answer)";
    }
  }

  private static JsonNode parse(String what, String body) throws AdminError {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AdminError(what + ": the answer is not JSON: " + e.getOriginalMessage());
    }
  }

  private static String cause(IOException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private record Reply(int status, JsonNode body) {}
}
