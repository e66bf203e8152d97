package dev.strangler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.strangler.config.CoreSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CoreExtractorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void wholeJsonBody() throws Exception {
    assertThat(ok(new CoreSpec.Json(""), response("{\"a\":1,\"b\":[true]}")))
        .isEqualTo(JSON.readTree("{\"a\":1,\"b\":[true]}"));
  }

  @Test
  void jsonPointerNarrowsTheBody() throws Exception {
    String body = "{\"post\":{\"slug\":\"hello\",\"tags\":[\"x\",\"y\"]}}";
    assertThat(ok(new CoreSpec.Json("/post"), response(body)))
        .isEqualTo(JSON.readTree("{\"slug\":\"hello\",\"tags\":[\"x\",\"y\"]}"));
    assertThat(ok(new CoreSpec.Json("/post/tags/1"), response(body)).asText()).isEqualTo("y");
  }

  @Test
  void pointerStepsAreFollowedOnTheTape() {
    CapturedResponse r = response("{\"a/b\":{\"m~n\":[10,{\"0\":\"zero\"}]},\"list\":[[1,2],[3]],\"d\":1,\"d\":2}");
    assertThat(ok(new CoreSpec.Json("/a~1b/m~0n/0"), r).asInt()).isEqualTo(10);
    assertThat(ok(new CoreSpec.Json("/a~1b/m~0n/1/0"), r).asText()).isEqualTo("zero");
    assertThat(ok(new CoreSpec.Json("/list/0/1"), r).asInt()).isEqualTo(2);
    assertThat(ok(new CoreSpec.Json("/d"), r).asInt()).isEqualTo(2);
    assertThat(ok(new CoreSpec.Json(""), r).size()).isEqualTo(3);
    for (String nothing : List.of("/list/2", "/list/01", "/list/-", "/d/x", "/a~1b/m~0n/x", "/nope")) {
      assertThat(failed(new CoreSpec.Json(nothing), r)).isEqualTo("JSON Pointer '" + nothing + "' matches nothing in the body");
    }
  }

  @Test
  void invalidJsonReportsWhere() {
    assertThat(failed(new CoreSpec.Json(""), response("{\n\"a\": [1,]}")))
        .isEqualTo("the body is not valid JSON: Unexpected character (']' (code 93)): expected a valid value"
            + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at 2:9");
  }

  @Test
  void pointerThatMatchesNothingFails() {
    assertThat(failed(new CoreSpec.Json("/post"), response("{\"item\":{}}")))
        .isEqualTo("JSON Pointer '/post' matches nothing in the body");
  }

  @Test
  void invalidJsonFails() {
    assertThat(failed(new CoreSpec.Json(""), response("{\"a\":")))
        .startsWith("the body is not valid JSON");
    assertThat(failed(new CoreSpec.Json(""), response("<html>oops</html>")))
        .startsWith("the body is not valid JSON");
  }

  @Test
  void trailingContentAfterTheJsonValueFails() {
    assertThat(failed(new CoreSpec.Json(""), response("{\"a\":1} {\"b\":2}")))
        .startsWith("the body is not valid JSON");
  }

  @Test
  void emptyBodyFails() {
    assertThat(failed(new CoreSpec.Json(""), response(""))).isEqualTo("the body is empty, not JSON");
  }

  @Test
  void jsonInAHeader() throws Exception {
    CapturedResponse r = response(200, List.of(Map.entry("x-core-output", "{\"allowed\":true}")), "");
    assertThat(ok(new CoreSpec.Header("X-Core-Output"), r))
        .isEqualTo(JSON.readTree("{\"allowed\":true}"));
  }

  @Test
  void missingHeaderFails() {
    assertThat(failed(new CoreSpec.Header("X-Core-Output"), response("{}")))
        .isEqualTo("the response has no X-Core-Output header");
  }

  @Test
  void headerThatIsNotJsonFails() {
    CapturedResponse r = response(200, List.of(Map.entry("X-Core-Output", "allowed")), "");
    assertThat(failed(new CoreSpec.Header("X-Core-Output"), r))
        .startsWith("the X-Core-Output header is not valid JSON");
  }

  @Test
  void statusOnlyAndNoSpecGiveJsonNull() {
    CapturedResponse r = response(404, List.of(), "not json at all");
    assertThat(ok(new CoreSpec.StatusOnly(), r)).isEqualTo(NullNode.instance);
    assertThat(ok(null, r)).isEqualTo(NullNode.instance);
  }

  @Test
  void htmlIsland() throws Exception {
    String html = """
        <!doctype html><html><head><title>Hello</title></head><body>
        <h1>Hello</h1>
        <script type="application/json" id="core">{"slug":"hello","tags":["a","b"],"html":"<b>x</b>"}</script>
        </body></html>""";
    assertThat(ok(new CoreSpec.HtmlIsland("script#core"), html(html, "text/html")))
        .isEqualTo(JSON.readTree("{\"slug\":\"hello\",\"tags\":[\"a\",\"b\"],\"html\":\"<b>x</b>\"}"));
  }

  @Test
  void htmlIslandTakesTheFirstMatchedScriptThatHoldsJson() throws Exception {
    String html = """
        <script class="data">window.x = 1;</script>
        <script class="data" type="application/ld+json">{"n":2}</script>
        <script class="data" type="application/json">{"n":3}</script>""";
    assertThat(ok(new CoreSpec.HtmlIsland("script.data"), html(html, "text/html")))
        .isEqualTo(JSON.readTree("{\"n\":2}"));
  }

  @Test
  void htmlIslandSelectorMatchingNothingFails() {
    assertThat(failed(new CoreSpec.HtmlIsland("script#core"), html("<p>hi</p>", "text/html")))
        .isEqualTo("selector 'script#core' matches nothing in the HTML");
  }

  @Test
  void htmlIslandOnANonScriptElementFails() {
    String html = "<div id=\"core\">{\"a\":1}</div>";
    assertThat(failed(new CoreSpec.HtmlIsland("#core"), html(html, "text/html")))
        .isEqualTo("selector '#core' matches a <div>, not a <script>");
  }

  @Test
  void htmlIslandWhoseScriptIsNotJsonFails() {
    String html = "<script id=\"core\" type=\"application/json\">{broken</script>";
    assertThat(failed(new CoreSpec.HtmlIsland("script#core"), html(html, "text/html")))
        .startsWith("the <script> matched by 'script#core' is not valid JSON");
  }

  @Test
  void htmlCharsetComesFromTheContentType() throws Exception {
    Charset latin1 = StandardCharsets.ISO_8859_1;
    byte[] body = "<h1>Grüße</h1><script id=c type=application/json>{\"t\":\"Köln\"}</script>"
        .getBytes(latin1);
    CapturedResponse r = response(200, List.of(Map.entry("Content-Type", "text/html; charset=ISO-8859-1")), body);
    assertThat(ok(new CoreSpec.HtmlIsland("#c"), r).get("t").asText()).isEqualTo("Köln");
    assertThat(ok(new CoreSpec.HtmlFields(Map.of("title", "h1")), r).get("title").asText())
        .isEqualTo("Grüße");
  }

  @Test
  void htmlCharsetFallsBackToTheMetaDeclaration() throws Exception {
    byte[] body = "<meta charset=\"windows-1252\"><h1>Caf\u00e9</h1>".getBytes(Charset.forName("windows-1252"));
    CapturedResponse r = response(200, List.of(Map.entry("Content-Type", "text/html")), body);
    assertThat(ok(new CoreSpec.HtmlFields(Map.of("title", "h1")), r).get("title").asText())
        .isEqualTo("Café");
  }

  @Test
  void htmlFieldsTakeTextAttributesAndNumbers() throws Exception {
    String html = """
        <h1>  Hello   world </h1>
        <span class="price" data-amount="12.50">12,50 €</span>
        <span class="price" data-amount="99">second</span>
        <p class="count">42</p>
        <p class="code">007</p>""";
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "h1");
    fields.put("price", "span.price@data-amount");
    fields.put("priceText", "span.price");
    fields.put("count", "p.count");
    fields.put("code", "p.code");
    JsonNode core = ok(new CoreSpec.HtmlFields(fields), html(html, "text/html; charset=utf-8"));

    assertThat(core).isEqualTo(JSON.readTree("""
        {"title":"Hello world","price":12.5,"priceText":"12,50 €","count":42,"code":"007"}"""));
  }

  @Test
  void htmlFieldsGiveNullForMissingElementsAndAttributes() throws Exception {
    Map<String, String> fields = Map.of("title", "h1", "author", "span.author", "price", "h1@data-price");
    JsonNode core = ok(new CoreSpec.HtmlFields(fields), html("<h1>Hi</h1>", "text/html"));
    assertThat(core).isEqualTo(JSON.readTree("{\"title\":\"Hi\",\"author\":null,\"price\":null}"));
  }

  @Test
  void gzipBodyIsDecoded() throws Exception {
    CapturedResponse r = encoded("gzip", gzip(utf8("{\"post\":{\"slug\":\"hello\"}}")));
    assertThat(ok(new CoreSpec.Json("/post/slug"), r).asText()).isEqualTo("hello");
  }

  @Test
  void deflateBodyIsDecodedWhetherZlibWrappedOrRaw() throws Exception {
    byte[] json = utf8("{\"post\":{\"slug\":\"hello\"}}");
    assertThat(ok(new CoreSpec.Json("/post/slug"), encoded("deflate", deflate(json, false))).asText())
        .isEqualTo("hello");
    assertThat(ok(new CoreSpec.Json("/post/slug"), encoded("deflate", deflate(json, true))).asText())
        .isEqualTo("hello");
  }

  @Test
  void brotliBodyIsDecoded() throws Exception {
    JsonNode expected = JSON.readTree(resource("post.json"));
    CapturedResponse r = encoded("br", resource("post.json.br"));
    assertThat(r.body().length).isLessThan(resource("post.json").length / 4);
    assertThat(ok(new CoreSpec.Json("/post"), r)).isEqualTo(expected.get("post"));
  }

  @Test
  void stackedEncodingsAreUndoneInReverseOrder() throws Exception {
    byte[] body = gzip(deflate(utf8("{\"ok\":true}"), false));
    CapturedResponse r = encoded("deflate, gzip", body);
    assertThat(ok(new CoreSpec.Json("/ok"), r).asBoolean()).isTrue();
  }

  @Test
  void htmlIslandInsideGzip() throws Exception {
    byte[] html = utf8("<script id=core type=application/json>{\"a\":\"é\"}</script>");
    CapturedResponse r = response(200, List.of(
        Map.entry("Content-Type", "text/html; charset=UTF-8"), Map.entry("Content-Encoding", "gzip")),
        gzip(html));
    assertThat(ok(new CoreSpec.HtmlIsland("script#core"), r).get("a").asText()).isEqualTo("é");
  }

  @Test
  void corruptGzipFails() throws Exception {
    byte[] good = gzip(utf8("{\"post\":{\"slug\":\"hello\"}}"));
    byte[] truncated = Arrays.copyOf(good, good.length / 2);
    assertThat(failed(new CoreSpec.Json(""), encoded("gzip", truncated)))
        .startsWith("cannot decode the gzip body");
    assertThat(failed(new CoreSpec.Json(""), encoded("gzip", utf8("{\"plain\":true}"))))
        .startsWith("cannot decode the gzip body");
  }

  @Test
  void corruptBrotliAndDeflateFail() {
    assertThat(failed(new CoreSpec.Json(""), encoded("br", new byte[] {(byte) 0xFF, 1, 2, 3, 4})))
        .startsWith("cannot decode the br body");
    assertThat(failed(new CoreSpec.Json(""), encoded("deflate", new byte[] {0x78, (byte) 0x9C, 9, 9})))
        .startsWith("cannot decode the deflate body");
  }

  @Test
  void unknownEncodingFails() {
    assertThat(failed(new CoreSpec.Json(""), encoded("compress", utf8("{}"))))
        .isEqualTo("unsupported Content-Encoding 'compress' (supported: gzip, deflate, br, zstd, identity)");
  }

  @Test
  void identityEncodingIsANoOp() throws Exception {
    assertThat(ok(new CoreSpec.Json(""), encoded("identity", utf8("[1]")))).isEqualTo(JSON.readTree("[1]"));
  }

  @Test
  void decodedBodyIsCapped() throws Exception {
    byte[] bomb = gzip(new byte[ContentDecoding.MAX_DECODED_BYTES + 1]);
    assertThat(bomb.length).isLessThan(100_000);
    assertThat(failed(new CoreSpec.Json(""), encoded("gzip", bomb)))
        .contains("larger than 32 MiB");
  }

  @Test
  void headerLookupIsCaseInsensitiveAndTakesTheFirst() {
    CapturedResponse r = response(200, List.of(
        Map.entry("Set-Cookie", "a=1"), Map.entry("set-cookie", "b=2")), "");
    assertThat(r.header("SET-COOKIE")).contains("a=1");
    assertThat(r.headerValues("set-cookie")).containsExactly("a=1", "b=2");
    assertThat(r.header("X-Absent")).isEmpty();
  }

  private static JsonNode ok(CoreSpec spec, CapturedResponse r) {
    Extraction e = CoreExtractor.extract(spec, r);
    assertThat(e).isInstanceOf(Extraction.Ok.class);
    return ((Extraction.Ok) e).core();
  }

  /** The reason of a failed extraction, without the Content-Type note every reason ends with. */
  private static String failed(CoreSpec spec, CapturedResponse r) {
    Extraction e = CoreExtractor.extract(spec, r);
    assertThat(e).isInstanceOf(Extraction.Failed.class);
    String reason = ((Extraction.Failed) e).reason();
    String note = r.header("Content-Type").map(v -> " (Content-Type: " + v.strip() + ")").orElse(" (no Content-Type)");
    assertThat(reason).endsWith(note);
    return reason.substring(0, reason.length() - note.length());
  }

  private static CapturedResponse response(String json) {
    return response(200, List.of(Map.entry("Content-Type", "application/json")), json);
  }

  private static CapturedResponse html(String html, String contentType) {
    return response(200, List.of(Map.entry("Content-Type", contentType)), html);
  }

  private static CapturedResponse encoded(String encoding, byte[] body) {
    return response(200, List.of(
        Map.entry("Content-Type", "application/json"), Map.entry("Content-Encoding", encoding)), body);
  }

  private static CapturedResponse response(int status, List<Map.Entry<String, String>> headers, String body) {
    return response(status, headers, utf8(body));
  }

  private static CapturedResponse response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    return new CapturedResponse(status, new ArrayList<>(headers), body, 1.5);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater)) {
      d.write(data);
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = CoreExtractorTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
