package dev.strangler.edge.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.config.ConfigLoader;
import dev.strangler.edge.Main;
import dev.strangler.edge.TestUpstream;
import dev.strangler.record.Outcome;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in Debian's headless Chromium against a full edge whose two upstreams disagree on
 * one order in four: no data before login, a wrong token refused, every route with its parity,
 * a flip and a rollback (each with a reason) that the next proxied request and the audit page
 * show, a weight set from the routes page, the 24 h parity chart with its point, the route's discrepancy group with its example side
 * by side and the differing value marked, the group's hourly trend, per-side latency and 5xx rate,
 * the instances, no request to another origin and no script error. Screenshots:
 * target/console-*.png.
 */
class ConsoleBrowserTest {
  private static final String TOKEN = "console-test-token-5b1f";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void operatorLogsInSeesParityFlipsAndRollsBack() throws Exception {
    try (TestUpstream legacy = upstream("legacy", "10");
        TestUpstream fresh = upstream("new", "12");
        Main.Edge edge = Main.Edge.start(ConfigLoader.load(config(legacy, fresh)), 1, 60_000)) {
      int proxy = edge.server().port();
      for (String order : List.of("1", "2", "3", "4")) {
        assertThat(get(proxy, "/orders/" + order)).contains("\"side\":\"legacy\"");
      }
      awaitJudged(edge, 4, legacy, fresh);
      String console = "http://127.0.0.1:" + edge.admin().port() + "/";
      try (WebDriver browser = new WebDriver(dir.resolve("profile"))) {
        browser.open(console);
        browser.await("return !document.getElementById('login').hidden", WAIT);
        assertThat(browser.script("return document.body.innerText").asText())
            .doesNotContain("orders").doesNotContain("%");
        browser.screenshot(shot("login"));

        browser.type("#token", "not-the-token");
        browser.click("#login-form button[type=submit]");
        browser.await("return document.getElementById('login-error').textContent.length > 0", WAIT);
        assertThat(browser.text("#login-error")).isEqualTo("Wrong token.");
        assertThat(browser.script("return document.getElementById('routes').hidden").asBoolean()).isTrue();

        browser.type("#token", TOKEN);
        browser.click("#login-form button[type=submit]");
        browser.await("return document.querySelectorAll('#routes-table tbody tr').length === 2", WAIT);
        assertThat(browser.text("tr[data-route=orders] .parity")).isEqualTo("75.0%");
        assertThat(browser.text("tr[data-route=orders] .outcomes")).contains("match 3").contains("diff 1");
        assertThat(browser.text("tr[data-route=orders] .primary")).isEqualTo("legacy");
        assertThat(browser.text("tr[data-route=rest] .parity")).isEqualTo("no data");
        assertThat(browser.text("tr[data-route=orders] .latency")).contains("legacy: p50 ")
            .contains("ms, p99 ").contains("0.0% 5xx of 4").contains("new: served none; as shadow p50 ")
            .contains("0.0% errors of 4");
        browser.await("return document.querySelector('figure.chart[data-route=orders]') !== null"
            + " && document.querySelector('figure.chart[data-route=orders]').dataset.points >= 1", WAIT);
        browser.await("return document.querySelector('figure.chart[data-route=orders] canvas') !== null", WAIT);
        assertThat(browser.text("figure.chart[data-route=orders] figcaption")).contains("minute(s) with mirrored traffic");
        assertThat(browser.script("return document.cookie").asText()).doesNotContain(ConsoleSessions.COOKIE);
        assertThat(browser.script("return document.documentElement.outerHTML").asText()).doesNotContain(TOKEN);
        browser.screenshot(shot("routes"));

        browser.click("tr[data-route=orders] th a");
        browser.await("return !document.getElementById('example').hidden", WAIT);
        assertThat(browser.text("#groups-table tbody tr .count")).isEqualTo("1");
        assertThat(browser.text("#example-request")).contains("GET /orders/2");
        assertThat(browser.text("#example-diffs tbody")).contains("$.total").contains("10").contains("12");
        assertThat(browser.text("#side-legacy mark.diff")).isEqualTo("\u2260 10");
        assertThat(browser.text("#side-new mark.diff")).isEqualTo("\u2260 12");
        assertThat(browser.script("return document.querySelectorAll('.side mark').length").asInt()).isEqualTo(2);
        browser.await("return document.querySelector('#groups-table tbody tr .trend')"
            + ".getAttribute('aria-label') === '1 in 24 h, last hour 1, busiest hour 1'", WAIT);
        assertThat(browser.text("#suggestion-status")).contains("has not observed this route");
        browser.screenshot(shot("route"));
        browser.click("#groups-table tbody tr button:nth-of-type(2)");
        browser.click("a[href='#routes']");

        flip(browser, "orders", "switch to the new core");
        assertThat(get(proxy, "/orders/1")).contains("\"side\":\"new\"");
        assertThat(browser.text("tr[data-route=orders] .primary")).isEqualTo("new");

        browser.open(console + "#audit");
        browser.await("return document.querySelectorAll('#audit-table tbody tr').length === 1", WAIT);
        assertThat(browser.text("#audit-table tbody tr")).contains("orders").contains("console")
            .contains("switch to the new core");
        browser.click("a[href='#routes']");
        flip(browser, "orders", "roll back: totals differ");
        assertThat(get(proxy, "/orders/1")).contains("\"side\":\"legacy\"");

        browser.click("a[href='#audit']");
        browser.await("return document.querySelectorAll('#audit-table tbody tr').length === 2", WAIT);
        browser.type("#audit-actor", "nobody");
        browser.await("return document.querySelectorAll('#audit-table tbody tr').length === 0", WAIT);
        browser.type("#audit-actor", "console");
        browser.type("#audit-route", "ord");
        browser.await("return document.querySelectorAll('#audit-table tbody tr').length === 2", WAIT);
        assertThat(browser.text("#audit-table tbody tr")).contains("roll back: totals differ");
        browser.screenshot(shot("audit"));

        browser.click("a[href='#routes']");
        browser.await("return !document.getElementById('routes').hidden", WAIT);
        browser.click("tr[data-route=orders] button.weight");
        browser.await("return document.getElementById('flip-dialog').open", WAIT);
        browser.type("#flip-weight", "30");
        browser.type("#flip-reason", "canary: 30% of users");
        browser.screenshot(shot("weight"));
        browser.click("#flip-confirm");
        browser.await("return !document.getElementById('flip-dialog').open && document.querySelector("
            + "'tr[data-route=orders] .primary').textContent === 'new 30% / legacy 70%'", WAIT);
        assertThat(browser.text("tr[data-route=orders] button")).isEqualTo("Roll back to legacy");
        flip(browser, "orders", "stop the canary");
        assertThat(browser.text("tr[data-route=orders] .primary")).isEqualTo("legacy");
        browser.click("a[href='#audit']");
        browser.await("return document.querySelectorAll('#audit-table tbody tr').length === 4", WAIT);
        assertThat(browser.text("#audit-table tbody tr")).contains("30% new").contains("stop the canary");
        assertThat(browser.text("#audit-table tbody tr:nth-child(2)")).contains("0% new").contains("30% new")
            .contains("canary: 30% of users");

        browser.click("a[href='#instances']");
        browser.await("return document.querySelectorAll('#instances-table tbody tr').length === 1", WAIT);
        assertThat(browser.text("#instances-table tbody tr .state")).isEqualTo("serving");
        browser.screenshot(shot("instances"));

        String origin = console.substring(0, console.length() - 1);
        JsonNode resources = browser.script(
            "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])");
        assertThat(resources).isNotEmpty().allSatisfy(r -> assertThat(r.asText()).startsWith(origin + "/"));
        List<String> errors = new ArrayList<>();
        browser.browserLog().forEach(e -> {
          if ("SEVERE".equals(e.get("level").asText()) && !e.get("message").asText().contains("/console/api/login - Failed to load resource: the server responded with a status of 401")) {
            errors.add(e.get("message").asText());
          }
        });
        assertThat(errors).isEmpty();
      }
    }
  }

  /** Opens the route's flip dialog, checks a reason is required, confirms and waits for the flip. */
  private static void flip(WebDriver browser, String route, String reason) throws Exception {
    String row = "tr[data-route=" + route + "]";
    String before = browser.text(row + " .primary");
    browser.await("return !document.getElementById('routes').hidden", WAIT);
    browser.click(row + " button");
    browser.await("return document.getElementById('flip-dialog').open", WAIT);
    browser.click("#flip-confirm");
    assertThat(browser.script("return document.getElementById('flip-dialog').open").asBoolean()).isTrue();
    browser.type("#flip-reason", reason);
    browser.screenshot(shot("flip-" + (before.equals("legacy") ? "new" : "legacy")));
    browser.click("#flip-confirm");
    browser.await("return !document.getElementById('flip-dialog').open"
        + " && document.querySelector(arguments[0] + ' .primary').textContent !== arguments[1]", WAIT, row, before);
  }

  private static Path shot(String name) {
    return Path.of("target", "console-" + name + ".png");
  }

  private static TestUpstream upstream(String side, String oddTotal) throws InterruptedException {
    return TestUpstream.answering((req, ctx) -> {
      String total = req.uri().endsWith("/2") ? oddTotal : "10";
      var res = TestUpstream.response(HttpResponseStatus.OK, side,
          "{\"order\":\"" + req.uri() + "\",\"total\":" + total + ",\"side\":\"" + side + "\"}");
      res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
      ctx.writeAndFlush(res);
    });
  }

  private Path config(TestUpstream legacy, TestUpstream fresh) throws Exception {
    Path file = dir.resolve("routes.yaml");
    Files.writeString(file, """
        listen: 127.0.0.1:0
        admin: {listen: 127.0.0.1:0, token: "%s"}
        state: {dir: ./data}
        upstreams:
          legacy: {targets: ["%s"]}
          new:    {targets: ["%s"]}
        defaults:
          shadow: {sample: 1.0, methods: [GET, HEAD], timeout: 5s}
        routes:
          - id: orders
            match: {path: "/orders/**", methods: [GET]}
            primary: legacy
            shadow: {enabled: true}
            core:
              legacy: {json: ""}
              new:    {json: ""}
            compare: {ignore: ["$.side"]}
          - id: rest
            match: {path: "/**"}
            primary: legacy
            shadow: {enabled: false}
        """.formatted(TOKEN, legacy.url(), fresh.url()));
    return file;
  }

  private String get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void awaitJudged(Main.Edge edge, long n, TestUpstream l, TestUpstream f) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (edge.outcomes().counts("orders").values().stream().mapToLong(Long::longValue).sum() < n) {
      assertThat(System.nanoTime()).as("mirrored pairs judged: %s %s %s", edge.outcomes().counts("orders"), l.received().size(), f.received().size()).isLessThan(deadline);
      Thread.sleep(20);
    }
    assertThat(edge.outcomes().counts("orders").get(Outcome.DIFF)).isEqualTo(1);
  }
}
