package dev.strangler.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.demo.blog.Post;
import dev.strangler.demo.blog.SeedPosts;
import dev.strangler.demo.web.ServerHandle;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both backends serve the same core JSON for every seed post while their pages differ. */
class ParityTest {
  private static ServerHandle legacy;
  private static ServerHandle fresh;
  private static TestHttp legacyHttp;
  private static TestHttp newHttp;

  @BeforeAll
  static void start() {
    legacy = Backend.LEGACY.start(Clock.systemUTC());
    fresh = Backend.NEW.start(Clock.systemUTC());
    legacyHttp = new TestHttp(legacy.baseUri());
    newHttp = new TestHttp(fresh.baseUri());
  }

  @AfterAll
  static void stop() {
    legacy.close();
    fresh.close();
  }

  @Test
  void legacyIslandEqualsNewPostJsonForEverySeedPost() {
    assertThat(SeedPosts.all()).hasSizeGreaterThanOrEqualTo(5);
    for (Post post : SeedPosts.all()) {
      HttpResponse<String> page = legacyHttp.get("/posts/" + post.slug(), TestHttp.BROWSER_ACCEPT);
      HttpResponse<String> json = newHttp.get("/posts/" + post.slug());

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(TestHttp.contentType(page)).startsWith("text/html");
      assertThat(json.statusCode()).isEqualTo(200);
      assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
      JsonNode legacyCore = TestHttp.island(page.body());
      assertThat(legacyCore.path("slug").asText()).isEqualTo(post.slug());
      assertThat(legacyCore.path("tags")).hasSizeBetween(2, 4);
      assertThat(legacyCore.path("comments")).hasSizeBetween(1, 3);
      assertThat(TestHttp.json(json).get("post")).isEqualTo(legacyCore);
    }
  }

  @Test
  void apiCoresAndListsAreEqual() {
    for (Post post : SeedPosts.all()) {
      JsonNode legacyCore = TestHttp.json(legacyHttp.get("/api/posts/" + post.slug()));
      assertThat(TestHttp.json(newHttp.get("/api/posts/" + post.slug()))).isEqualTo(legacyCore);
      assertThat(legacyCore.fieldNames()).toIterable()
          .containsExactly("slug", "title", "body", "tags", "comments", "updatedAt");
    }
    JsonNode legacyList = TestHttp.json(legacyHttp.get("/api/posts"));
    assertThat(legacyList.size()).isEqualTo(SeedPosts.all().size());
    assertThat(TestHttp.json(newHttp.get("/api/posts"))).isEqualTo(legacyList);
  }

  @Test
  void pagesDifferButCarryTheSameIsland() {
    String slug = "shadow-traffic";
    String legacyPage = legacyHttp.get("/posts/" + slug, TestHttp.BROWSER_ACCEPT).body();
    HttpResponse<String> newPage = newHttp.get("/posts/" + slug, TestHttp.BROWSER_ACCEPT);

    assertThat(newPage.statusCode()).isEqualTo(200);
    assertThat(TestHttp.contentType(newPage)).startsWith("text/html");
    assertThat(newPage.headers().firstValue("Vary")).hasValue("Accept");
    assertThat(legacyPage).contains("Legacy Blog", "<table").doesNotContain("New Blog", "<article");
    assertThat(newPage.body()).contains("New Blog", "<article").doesNotContain("Legacy Blog", "<table");
    assertThat(newPage.body()).isNotEqualTo(legacyPage);
    assertThat(TestHttp.island(newPage.body())).isEqualTo(TestHttp.island(legacyPage));
    assertThat(TestHttp.island(legacyPage).path("body").asText()).contains("<Flip>");
    assertThat(legacyPage).contains("&lt;Flip&gt;");
  }

  @Test
  void everyResponseNamesItsBackend() {
    for (String path : new String[] {"/", "/posts/hello-world", "/api/posts", "/api/posts/nope", "/nowhere"}) {
      assertThat(legacyHttp.get(path).headers().firstValue("X-Served-By")).as(path).hasValue("legacy");
      assertThat(newHttp.get(path).headers().firstValue("X-Served-By")).as(path).hasValue("new");
    }
  }

  @Test
  void homePagesListEveryPost() {
    String legacyHome = legacyHttp.get("/", TestHttp.BROWSER_ACCEPT).body();
    String newHome = newHttp.get("/", TestHttp.BROWSER_ACCEPT).body();
    for (Post post : SeedPosts.all()) {
      assertThat(legacyHome).contains("href=\"/posts/" + post.slug() + "\"");
      assertThat(newHome).contains("href=\"/posts/" + post.slug() + "\"");
    }
    assertThat(legacyHome).contains("Legacy Blog");
    assertThat(newHome).contains("New Blog");
  }
}
