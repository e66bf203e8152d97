package dev.strangler.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.capture.CaptureJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismAndHtmlTest {
  @TempDir
  static Path dir;
  static Backends backends;
  static Path config;
  static Path input;

  @BeforeAll
  static void start() throws Exception {
    backends = new Backends();
    config = Corpus.config(dir, backends, "");
    List<String> lines = new ArrayList<>();
    String[] uris = {"/posts/hello", "/posts/priced", "/api/posts/3", "/posts/world", "/about", "/posts/priced?page=2"};
    for (int i = 0; i < 60; i++) {
      lines.add(CaptureJson.write(Corpus.exchange(i, i % 7 == 0 ? "DELETE" : "GET", uris[i % uris.length])));
      if (i % 25 == 24) {
        lines.add("{\"v\":1,\"broken\"");
      }
    }
    input = Corpus.write(dir.resolve("capture.jsonl"), lines);
  }

  @AfterAll
  static void stop() {
    backends.close();
  }

  @Test
  void theReportDoesNotDependOnConcurrency() throws Exception {
    Cli.Result one = run("one", "1");
    Cli.Result eight = run("eight", "8");

    assertThat(one.exit()).isEqualTo(2);
    assertThat(eight.exit()).isEqualTo(2);
    assertThat(withoutGeneratedAt(eight.json())).isEqualTo(withoutGeneratedAt(one.json()));
    assertThat(withoutGeneratedAtLine(eight.file("report.md"))).isEqualTo(withoutGeneratedAtLine(one.file("report.md")));
    assertThat(withoutGeneratedAtLine(eight.file("report.html")))
        .isEqualTo(withoutGeneratedAtLine(one.file("report.html")));
    assertThat(eight.discrepancies().stream().map(DeterminismAndHtmlTest::withoutLatency).toList())
        .isEqualTo(one.discrepancies().stream().map(DeterminismAndHtmlTest::withoutLatency).toList());
    assertThat(one.route("post-read").get("diff").asInt()).isEqualTo(17);
    assertThat(one.json().get("problems")).hasSize(2);
  }

  /**
   * The report as a person sees it: headless Chromium loads the file, and the DOM it built holds
   * the example side by side with the differing values marked; it also renders to a screenshot.
   */
  @Test
  void theHtmlReportRendersInARealBrowser() throws Exception {
    Path report = run("browser", "4").report().resolve("report.html");
    String dom = Chromium.run(dir.resolve("chromium-profile"), "--dump-dom", report.toUri().toString());
    var doc = org.jsoup.Jsoup.parse(dom);
    assertThat(doc.select("mark.diff").eachText()).contains("12.5", "12.49");
    assertThat(doc.select("code.path").eachText()).contains("$.price");
    assertThat(doc.select("table tr")).hasSizeGreaterThan(2);
    assertThat(doc.select("script, link[rel=stylesheet], img")).isEmpty();
    Path png = dir.resolve("report.png");
    Chromium.run(dir.resolve("chromium-profile"), "--screenshot=" + png, "--window-size=1280,2000",
        report.toUri().toString());
    assertThat(png).exists();
    assertThat(java.nio.file.Files.size(png)).isGreaterThan(10_000);
  }

  @Test
  void theHtmlReportShowsAnExampleSideBySideWithTheDifferingPathMarked() throws Exception {
    String html = run("html", "4").file("report.html");

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
        .doesNotContain("<link").doesNotContain("<script").doesNotContain("src=");
    assertThat(html).contains("<code>post-read:").contains("— diff × 17");
    assertThat(html).contains("Example: <code>GET /posts/priced</code> (" + input + ":2)");
    assertThat(html).contains("<code class=\"path\">$.price</code>");
    assertThat(html).contains("<h5>legacy — status 200</h5><pre>{\n  &quot;slug&quot;: &quot;priced&quot;,");
    assertThat(html).contains("&quot;price&quot;: <mark class=\"diff\">12.5</mark>,");
    assertThat(html).contains("&quot;price&quot;: <mark class=\"diff\">12.49</mark>,");
    assertThat(html).contains("<tr class=\"\"><td><code>post-read</code></td><td class=\"n\">34</td>"
        + "<td class=\"n\">17</td><td class=\"n\">17</td>").contains("<td class=\"n\">50.00%</td>");
    assertThat(html).contains(input + ":26</code> malformed capture line");
  }

  private static Cli.Result run(String name, String concurrency) {
    return Cli.run(dir.resolve("report-" + name), "run", "--config", config.toString(), "--input", input.toString(),
        "--concurrency", concurrency);
  }

  private static JsonNode withoutGeneratedAt(JsonNode report) {
    ObjectNode copy = report.deepCopy();
    assertThat(copy.remove("generated_at")).isNotNull();
    return copy;
  }

  private static String withoutGeneratedAtLine(String text) {
    return text.lines().filter(l -> !l.contains("Generated at")).collect(Collectors.joining("\n"));
  }

  private static JsonNode withoutLatency(JsonNode record) {
    ObjectNode copy = record.deepCopy();
    for (String side : List.of("legacy", "new")) {
      if (copy.get(side).isObject()) {
        ((ObjectNode) copy.get(side)).remove("latency_ms");
      }
    }
    return copy;
  }
}
