package dev.strangler.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.CompareConfig;
import dev.strangler.config.CompareMode;
import dev.strangler.config.CoreSpec;
import dev.strangler.config.MaskConfig;
import dev.strangler.config.MatchConfig;
import dev.strangler.config.RecordConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.config.ShadowConfig;
import dev.strangler.config.Timeouts;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The judgement the edge and the replay tool share: outcome, diffs, fingerprint, masking. */
class JudgeTest {
  static final String ISLAND =
      "<html><body><h1>Old design</h1><script type=\"application/json\" id=\"core\">%s</script></body></html>";

  final RouteConfig route = new RouteConfig("post-read", new MatchConfig("/posts/{slug}", Set.of(), null), Side.LEGACY,
      new ShadowConfig(true, 1, Set.of("GET"), Duration.ofSeconds(1), 1 << 20, false, 256),
      Map.of(Side.LEGACY, new CoreSpec.HtmlIsland("script#core"), Side.NEW, new CoreSpec.Json("/post")),
      new CompareConfig(CompareMode.LENIENT, List.of("$.updatedAt"), List.of(), Map.of(), Map.of()),
      new RecordConfig(0), new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), 1);
  final Judge judge = new Judge(new MaskConfig(Set.of(), Set.of("token"), List.of("$.email")));

  static CapturedResponse html(int status, String core) {
    return new CapturedResponse(status, List.of(Map.entry("Content-Type", "text/html")),
        String.format(ISLAND, core).getBytes(StandardCharsets.UTF_8), 3.0);
  }

  static CapturedResponse json(int status, String body) {
    return new CapturedResponse(status, List.of(Map.entry("Content-Type", "application/json")),
        body.getBytes(StandardCharsets.UTF_8), 2.0);
  }

  Observation observe(CapturedResponse legacy, CapturedResponse fresh) {
    return new Observation("GET", "/posts/a?token=abc&x=1", "rid", Instant.parse("2026-11-25T10:00:00Z"),
        Side.LEGACY, legacy, fresh, null, null);
  }

  @Test
  void differentHtmlAroundEqualCoresIsAMatch() {
    var r = judge.judge(route, observe(html(200, "{\"title\":\"A\",\"updatedAt\":\"1\"}"),
        json(200, "{\"post\":{\"title\":\"A\",\"updatedAt\":\"2\"}}")));
    assertThat(r.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(r.diffs()).isEmpty();
  }

  @Test
  void aDomainDifferenceIsADiffWithAStableFingerprintAndMaskedQuery() {
    var a = judge.judge(route, observe(html(200, "{\"title\":\"A\",\"email\":\"x@y\"}"),
        json(200, "{\"post\":{\"title\":\"B\",\"email\":\"x@y\"}}")));
    var b = judge.judge(route, observe(html(200, "{\"title\":\"C\",\"email\":\"q@y\"}"),
        json(200, "{\"post\":{\"title\":\"D\",\"email\":\"q@y\"}}")));
    assertThat(a.outcome()).isEqualTo(Outcome.DIFF);
    assertThat(a.diffs()).singleElement().satisfies(d -> assertThat(d.path()).isEqualTo("$.title"));
    assertThat(a.fingerprint()).startsWith("post-read:").isEqualTo(b.fingerprint());
    assertThat(a.query()).doesNotContain("abc").contains("x=1");
    assertThat(a.legacy().core().get("email").asText()).isEqualTo("***");
    assertThat(a.path()).isEqualTo("/posts/a");
  }

  @Test
  void aNotModifiedAnswerIsSkippedNeverADiff() {
    var empty = new CapturedResponse(304, List.of(Map.entry("ETag", "\"legacy-1\"")), new byte[0], 1.0);
    var served304 = judge.judge(route, observe(empty, json(200, "{\"post\":{\"title\":\"A\"}}")));
    var shadow304 = judge.judge(route, observe(html(200, "{\"title\":\"A\"}"),
        new CapturedResponse(304, List.of(Map.entry("ETag", "\"new-9\"")), new byte[0], 1.0)));
    for (var r : List.of(served304, shadow304)) {
      assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(r.reason()).isEqualTo("not-modified");
      assertThat(r.diffs()).isEmpty();
    }
  }

  @Test
  void differingStatusIsADiffEvenWhenACoreCannotBeExtracted() {
    var r = judge.judge(route, observe(html(200, "{\"title\":\"A\"}"), json(404, "{\"error\":\"nope\"}")));
    assertThat(r.outcome()).isEqualTo(Outcome.DIFF);
    assertThat(r.diffs()).first().satisfies(d -> assertThat(d.kind().id()).isEqualTo("status"));
  }

  @Test
  void aCoreThatCannotBeExtractedIsExtractFailedNamingTheSide() {
    var r = judge.judge(route, observe(html(200, "{\"title\":\"A\"}"), json(200, "<html>not json</html>")));
    assertThat(r.outcome()).isEqualTo(Outcome.EXTRACT_FAILED);
    assertThat(r.reason()).startsWith("new: ");
    assertThat(r.fingerprint()).isEqualTo("post-read:extract_failed:new");
  }

  @Test
  void headAndEqualErrorPagesAreComparedOnStatus() {
    var head = judge.judge(route, new Observation("HEAD", "/posts/a", "rid", Instant.now(), Side.LEGACY,
        json(200, ""), json(200, ""), null, null));
    assertThat(head.outcome()).isEqualTo(Outcome.MATCH);
    var notFound = judge.judge(route, observe(json(404, "<html>gone</html>"), json(404, "{\"error\":\"nope\"}")));
    assertThat(notFound.outcome()).isEqualTo(Outcome.MATCH);
  }

  @Test
  void aSideWithoutAnAnswerIsAShadowError() {
    var r = judge.judge(route, new Observation("GET", "/posts/a", "rid", Instant.now(), Side.LEGACY,
        html(200, "{}"), null, null, "timeout"));
    assertThat(r.outcome()).isEqualTo(Outcome.SHADOW_ERROR);
    assertThat(r.reason()).isEqualTo("new: timeout");
    assertThat(r.fresh().error()).isEqualTo("timeout");
    assertThat(r.legacy().status()).isEqualTo(200);
  }

  @Test
  void judgingReadsOnlyTheBodyHeadersAndAHeaderCoresName() {
    assertThat(Judge.headersRead(route)).containsExactly("Content-Type", "Content-Encoding");
    RouteConfig byHeader = new RouteConfig("v", route.match(), Side.LEGACY, route.shadow(),
        Map.of(Side.LEGACY, new CoreSpec.Header("X-Core"), Side.NEW, new CoreSpec.Header("x-core")),
        route.compare(), route.record(), route.timeouts(), 1);
    assertThat(Judge.headersRead(byHeader)).hasSize(3).startsWith("Content-Type", "Content-Encoding")
        .last().satisfies(name -> assertThat(name).isEqualToIgnoringCase("X-Core"));
    var onlyRead = new CapturedResponse(200, List.of(Map.entry("X-Core", "{\"v\":1}")), new byte[0], 1.0);
    var more = new CapturedResponse(200, List.of(Map.entry("Server", "a"), Map.entry("x-core", "{\"v\":2}"),
        Map.entry("Date", "now")), new byte[0], 1.0);
    var r = judge.judge(byHeader, observe(onlyRead, more));
    assertThat(r.outcome()).isEqualTo(Outcome.DIFF);
    assertThat(r.diffs()).singleElement().satisfies(d -> assertThat(d.path()).isEqualTo("$.v"));
  }

  @Test
  void identicalBodiesAreAMatchOnlyWhenValidJsonWithEqualStatuses() {
    RouteConfig whole = new RouteConfig("whole", route.match(), Side.LEGACY, route.shadow(),
        Map.of(Side.LEGACY, new CoreSpec.Json(""), Side.NEW, new CoreSpec.Json("")),
        route.compare(), route.record(), route.timeouts(), 1);
    String doc = "{\"a\":[1,2],\"email\":\"x@y\"}";
    assertThat(judge.judge(whole, observe(json(200, doc), json(200, doc))).outcome()).isEqualTo(Outcome.MATCH);
    var broken = judge.judge(whole, observe(json(200, "{\"a\":"), json(200, "{\"a\":")));
    assertThat(broken.outcome()).isEqualTo(Outcome.EXTRACT_FAILED);
    assertThat(broken.reason()).startsWith("legacy: the body is not valid JSON");
    assertThat(judge.judge(whole, observe(json(404, "{\"a\":"), json(404, "{\"a\":"))).outcome()).isEqualTo(Outcome.MATCH);
    var status = judge.judge(whole, observe(json(200, doc), json(500, doc)));
    assertThat(status.outcome()).isEqualTo(Outcome.DIFF);
    assertThat(status.legacy().core()).hasToString("{\"a\":[1,2],\"email\":\"***\"}");
  }
}
