package dev.strangler.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.demo.web.ServerHandle;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HTTP behaviour both backends share: 404s, comments, shadow requests, HEAD, keep-alive. */
class BlogHttpTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00.250Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private ServerHandle server;
  private TestHttp http;

  private void start(Backend backend) {
    server = backend.start(CLOCK);
    http = new TestHttp(server.baseUri());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void unknownSlugsAndPathsAre404(Backend backend) {
    start(backend);
    HttpResponse<String> api = http.get("/api/posts/no-such-post");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(TestHttp.json(api).path("slug").asText()).isEqualTo("no-such-post");

    HttpResponse<String> page = http.get("/posts/no-such-post", TestHttp.BROWSER_ACCEPT);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(TestHttp.contentType(page)).startsWith("text/html");
    assertThat(page.body()).contains("no-such-post");

    assertThat(http.post("/api/posts/no-such-post/comments", "{\"author\":\"a\",\"text\":\"b\"}", false).statusCode())
        .isEqualTo(404);
    assertThat(http.get("/api/nothing").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/nothing").headers().firstValue("X-Served-By")).hasValue(backend.servedBy);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void postedCommentAppearsInTheNextGet(Backend backend) {
    start(backend);
    HttpResponse<String> created =
        http.post("/api/posts/hello-world/comments", "{\"author\":\"eve\",\"text\":\"Nice <b>post</b>\"}", false);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/posts/hello-world");
    JsonNode post = TestHttp.json(http.get("/api/posts/hello-world"));
    assertThat(TestHttp.json(created)).isEqualTo(post);
    JsonNode last = post.path("comments").get(post.path("comments").size() - 1);
    assertThat(last.path("id").asText()).isEqualTo("c3");
    assertThat(last.path("author").asText()).isEqualTo("eve");
    assertThat(last.path("text").asText()).isEqualTo("Nice <b>post</b>");
    assertThat(post.path("updatedAt").asText()).isEqualTo(NOW.toString());
    assertThat(TestHttp.island(http.get("/posts/hello-world", TestHttp.BROWSER_ACCEPT).body())).isEqualTo(post);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void shadowCommentIsAnsweredButNotStored(Backend backend) {
    start(backend);
    JsonNode before = TestHttp.json(http.get("/api/posts/strangler-fig"));

    HttpResponse<String> shadow =
        http.post("/api/posts/strangler-fig/comments", "{\"author\":\"mirror\",\"text\":\"echo\"}", true);

    assertThat(shadow.statusCode()).isEqualTo(201);
    JsonNode answered = TestHttp.json(shadow);
    assertThat(answered.path("comments")).hasSize(before.path("comments").size() + 1);
    assertThat(answered.path("comments").get(3).path("author").asText()).isEqualTo("mirror");
    assertThat(TestHttp.json(http.get("/api/posts/strangler-fig"))).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void invalidCommentsAndMethodsAreRejected(Backend backend) {
    start(backend);
    assertThat(http.post("/api/posts/hello-world/comments", "not json", false).statusCode()).isEqualTo(400);
    assertThat(http.post("/api/posts/hello-world/comments", "{\"author\":\" \",\"text\":\"x\"}", false).statusCode())
        .isEqualTo(400);
    assertThat(http.post("/api/posts/hello-world/comments", "[1]", false).statusCode()).isEqualTo(400);
    HttpResponse<String> wrongMethod = http.send("DELETE", "/api/posts/hello-world");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(TestHttp.json(http.get("/api/posts/hello-world")).path("comments")).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void headHasTheGetContentLengthAndNoBody(Backend backend) {
    start(backend);
    for (String path : new String[] {"/api/posts/cutover-day", "/posts/cutover-day", "/api/posts/none"}) {
      HttpResponse<String> get = http.get(path);
      HttpResponse<String> head = http.head(path);
      assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
      assertThat(head.body()).as(path).isEmpty();
      int length = get.body().getBytes(StandardCharsets.UTF_8).length;
      assertThat(length).isPositive();
      assertThat(head.headers().firstValue("Content-Length")).as(path).hasValue(Integer.toString(length));
      assertThat(head.headers().firstValue("X-Served-By")).hasValue(backend.servedBy);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void headLeavesAKeptAliveConnectionClean(Backend backend) throws IOException {
    start(backend);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());

      out.write(request("HEAD", "/api/posts/hello-world"));
      out.flush();
      Map<String, String> headResponse = readHead(in);
      assertThat(headResponse.get(":status")).startsWith("HTTP/1.1 200");
      int announced = Integer.parseInt(headResponse.get("content-length"));

      out.write(request("GET", "/api/posts/hello-world"));
      out.flush();
      Map<String, String> getResponse = readHead(in);
      assertThat(getResponse.get(":status")).startsWith("HTTP/1.1 200");
      byte[] body = in.readNBytes(Integer.parseInt(getResponse.get("content-length")));
      assertThat(body).hasSize(announced);
      assertThat(TestHttp.JSON.readTree(body).path("slug").asText()).isEqualTo("hello-world");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void concurrentCommentsGetDistinctIds(Backend backend) throws Exception {
    start(backend);
    int writers = 12;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String body = "{\"author\":\"w" + i + "\",\"text\":\"t" + i + "\"}";
        statuses.add(CompletableFuture.supplyAsync(
            () -> http.post("/api/posts/event-logs/comments", body, false).statusCode(), pool));
      }
      for (CompletableFuture<Integer> status : statuses) {
        assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    JsonNode comments = TestHttp.json(http.get("/api/posts/event-logs")).path("comments");
    assertThat(comments).hasSize(2 + writers);
    List<String> ids = new ArrayList<>();
    comments.forEach(c -> ids.add(c.path("id").asText()));
    assertThat(ids).doesNotHaveDuplicates();
  }

  private static byte[] request(String method, String path) {
    return (method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads a status line and headers (names lower-cased; status under ":status"). */
  private static Map<String, String> readHead(InputStream in) throws IOException {
    Map<String, String> head = new LinkedHashMap<>();
    head.put(":status", readLine(in));
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      head.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    return head;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-line");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).stripTrailing();
  }
}
