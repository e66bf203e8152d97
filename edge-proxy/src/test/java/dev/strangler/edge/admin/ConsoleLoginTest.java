package dev.strangler.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The console's session over real sockets: cookie, CSRF on state changes, logout, throttled failures. */
class ConsoleLoginTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CUTOVER = "/admin/routes/post-read/cutover";
  private static final String FLIP = "{\"primary\":\"new\",\"reason\":\"console test\"}";

  @TempDir Path stateDir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private AdminHarness edge;

  @BeforeEach
  void start() {
    logs.start();
    root().addAppender(logs);
    edge = AdminHarness.start(EdgeConfigFixture.config(stateDir));
  }

  @AfterEach
  void stop() {
    edge.close();
    root().detachAppender(logs);
  }

  @Test
  void pageHoldsNoDataAndLoadsNothingFromElsewhere() throws Exception {
    HttpResponse<String> page = send("GET", "/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        p -> assertThat(p).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'"));
    assertThat(page.body()).doesNotContain("post-read").doesNotContain(edge.token);
    assertThat(send("GET", "/console/console.js", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/console/../admin.token", null).statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(send("GET", "/console/api/session", null).body()).get("csrf").isNull()).isTrue();
  }

  @Test
  void loginGivesAStrictHttpOnlyCookieThatReadsAndFlipsOnlyWithTheCsrfToken() throws Exception {
    HttpResponse<String> login = login(edge.token);
    assertThat(login.statusCode()).isEqualTo(200);
    String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).startsWith("edge_console=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
        .contains("Path=/");
    assertThat(login.body()).doesNotContain(edge.token);
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String csrf = JSON.readTree(login.body()).get("csrf").asText();
    assertThat(JSON.readTree(send("GET", "/console/api/session", null, "Cookie", cookie).body()).get("csrf").asText())
        .isEqualTo(csrf);

    assertThat(send("GET", "/admin/routes", null, "Cookie", cookie).statusCode()).isEqualTo(200);
    assertThat(send("POST", CUTOVER, FLIP, "Cookie", cookie).statusCode()).isEqualTo(401);
    assertThat(send("POST", CUTOVER, FLIP, "Cookie", cookie, "X-CSRF-Token", "forged").statusCode()).isEqualTo(401);
    assertThat(send("POST", CUTOVER, FLIP, "X-CSRF-Token", csrf).statusCode()).isEqualTo(401);
    HttpResponse<String> flip = send("POST", CUTOVER, FLIP, "Cookie", cookie, "X-CSRF-Token", csrf, "X-Actor", "console");
    assertThat(flip.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(flip.body()).get("actor").asText()).isEqualTo("console");

    assertThat(send("POST", "/console/api/logout", null, "Cookie", cookie).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/console/api/logout", null, "Cookie", cookie, "X-CSRF-Token", csrf).statusCode())
        .isEqualTo(204);
    assertThat(send("GET", "/admin/routes", null, "Cookie", cookie).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/admin/routes", null, "Authorization", edge.bearer()).statusCode()).isEqualTo(200);
  }

  @Test
  void failedLoginsAreLoggedWithoutTheTokenAndThrottled() throws Exception {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong = login("typed-secret-" + i);
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(JSON.readTree(wrong.body()).get("error").asText()).isEqualTo("Wrong token.");
    }
    HttpResponse<String> refused = login(edge.token);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().contains("console login"))
        .hasSize(6)
        .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("typed-secret").doesNotContain(edge.token));
  }

  private HttpResponse<String> login(String token) throws Exception {
    return send("POST", "/console/api/login", JSON.writeValueAsString(JSON.createObjectNode().put("token", token)));
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.server.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
