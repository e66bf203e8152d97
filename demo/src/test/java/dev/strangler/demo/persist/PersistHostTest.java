package dev.strangler.demo.persist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.demo.web.ServerHandle;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new host's own behaviour: durability, events behind the read model, negotiation, divergence. */
class PersistHostTest {
  private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path dir;

  @Test
  void commentsAreEventsAndSurviveARestart() throws Exception {
    Path data = dir.resolve("blog.db");
    PersistHost.Settings settings = PersistHost.Settings.defaults().withDataFile(data);
    try (ServerHandle host = PersistHost.start(LOOPBACK, settings)) {
      assertThat(post(host, "/api/posts/hello-world/comments", "{\"author\":\"kim\",\"text\":\"persisted\"}")
          .statusCode()).isEqualTo(201);
    }

    try (ServerHandle restarted = PersistHost.start(LOOPBACK, settings)) {
      JsonNode post = JSON.readTree(get(restarted, "/api/posts/hello-world", "application/json").body());
      assertThat(post.path("comments")).hasSize(3);
      assertThat(post.path("comments").get(2).path("text").asText()).isEqualTo("persisted");
    }

    try (PersistStore store = PersistStore.open(data)) {
      List<PersistEvent> events = store.read("post/hello-world");
      assertThat(events).extracting(PersistEvent::type)
          .containsExactly("post-created", "comment-added", "comment-added", "comment-added");
      assertThat(events).extracting(PersistEvent::seq).containsExactly(1L, 2L, 3L, 4L);
      assertThat(store.lastSeq("post/hello-world")).isEqualTo(4);
      assertThat(store.kvKeys()).contains("post:hello-world", "post:strangler-fig");
    }
  }

  @Test
  void shadowCommentsAppendNoEvent() throws Exception {
    Path data = dir.resolve("shadow.db");
    try (ServerHandle host = PersistHost.start(LOOPBACK, PersistHost.Settings.defaults().withDataFile(data))) {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(host.baseUri().resolve("/api/posts/cutover-day/comments"))
              .header("X-Shadow-Request", "1")
              .POST(HttpRequest.BodyPublishers.ofString("{\"author\":\"m\",\"text\":\"t\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(201);
    }
    try (PersistStore store = PersistStore.open(data)) {
      assertThat(store.lastSeq("post/cutover-day")).isEqualTo(4);
    }
  }

  @Test
  void postPageNegotiatesBetweenJsonAndHtml() throws Exception {
    try (ServerHandle host = PersistHost.start(LOOPBACK)) {
      JsonNode json = JSON.readTree(get(host, "/posts/hello-world", "*/*").body());
      assertThat(json.path("post").path("slug").asText()).isEqualTo("hello-world");
      assertThat(get(host, "/posts/hello-world", "text/html;q=0.5, application/json").body()).startsWith("{");
      assertThat(get(host, "/posts/hello-world", "text/html").body()).contains("New Blog", "id=\"core\"");
      HttpResponse<String> missing = get(host, "/posts/nope", "application/json");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(missing.body()).path("error").asText()).isEqualTo("not_found");
    }
  }

  @Test
  void divergeCommentOrderServesNewestFirst() throws Exception {
    try (ServerHandle plain = PersistHost.start(LOOPBACK);
        ServerHandle diverging =
            PersistHost.start(LOOPBACK, PersistHost.Settings.defaults().withDivergeCommentOrder(true))) {
      List<String> plainIds = commentIds(get(plain, "/api/posts/cutover-day", "application/json").body());
      List<String> divergingIds = commentIds(get(diverging, "/api/posts/cutover-day", "application/json").body());
      assertThat(plainIds).containsExactly("c1", "c2", "c3");
      assertThat(divergingIds).containsExactly("c3", "c2", "c1");
    }
  }

  private static List<String> commentIds(String body) throws Exception {
    List<String> ids = new ArrayList<>();
    JSON.readTree(body).path("comments").forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }

  private HttpResponse<String> get(ServerHandle host, String path, String accept) throws Exception {
    return client.send(request(host.baseUri().resolve(path)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(ServerHandle host, String path, String json) throws Exception {
    return client.send(request(host.baseUri().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
  }
}
