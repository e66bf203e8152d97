package dev.strangler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.CoreSpec;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Extractor lists choose by content type; failures name the content type; zstd bodies decode. */
class ContentTypeChoiceTest {
  private static final CoreSpec LIST =
      new CoreSpec.FirstFit(List.of(new CoreSpec.Json("/post"), new CoreSpec.HtmlIsland("script#core")));
  private static final String PAGE =
      "<html><body><h1>x</h1><script type=\"application/json\" id=\"core\">{\"slug\":\"a\"}</script></body></html>";

  @Test
  void jsonFitsJsonAndPlusJsonTypes() {
    assertThat(core(LIST, answer("application/json", "{\"post\":{\"slug\":\"a\"}}"))).isEqualTo("{\"slug\":\"a\"}");
    assertThat(core(LIST, answer("application/vnd.blog+json; charset=utf-8", "{\"post\":{\"slug\":\"b\"}}")))
        .isEqualTo("{\"slug\":\"b\"}");
  }

  @Test
  void htmlFitsTheIslandExtractor() {
    assertThat(core(LIST, answer("text/html; charset=utf-8", PAGE))).isEqualTo("{\"slug\":\"a\"}");
  }

  @Test
  void withoutContentTypeTheFirstExtractorIsTried() {
    assertThat(core(LIST, new CapturedResponse(200, List.of(), utf8("{\"post\":1}"), 1))).isEqualTo("1");
  }

  @Test
  void noFittingExtractorFailsNamingTheContentTypeThatArrived() {
    Extraction e = CoreExtractor.extract(LIST, answer("text/plain", "hello"));
    assertThat(e).isInstanceOfSatisfying(Extraction.Failed.class, f -> assertThat(f.reason())
        .isEqualTo("no extractor of [json, html-island] fits the response's content type (Content-Type: text/plain)"));
  }

  @Test
  void aSingleExtractorFailureNamesTheContentType() {
    Extraction e = CoreExtractor.extract(new CoreSpec.Json("/post"), answer("text/html; charset=utf-8", PAGE));
    assertThat(e).isInstanceOfSatisfying(Extraction.Failed.class, f -> assertThat(f.reason())
        .startsWith("the body is not valid JSON").endsWith("(Content-Type: text/html; charset=utf-8)"));
  }

  @Test
  void zstdBodiesDecodeLikeGzipAndBr() throws IOException {
    byte[] body = zstd(utf8("{\"post\":{\"slug\":\"z\"}}"));
    CapturedResponse r = new CapturedResponse(200,
        List.of(Map.entry("Content-Type", "application/json"), Map.entry("Content-Encoding", "zstd")), body, 1);
    assertThat(core(LIST, r)).isEqualTo("{\"slug\":\"z\"}");
    assertThat(CoreExtractor.wholeBodyIsJson(new CoreSpec.Json(""), r)).isTrue();
  }

  @Test
  void aCorruptZstdBodyFails() {
    CapturedResponse r = new CapturedResponse(200,
        List.of(Map.entry("Content-Type", "application/json"), Map.entry("Content-Encoding", "zstd")), utf8("nope"), 1);
    assertThat(CoreExtractor.extract(LIST, r)).isInstanceOfSatisfying(Extraction.Failed.class,
        f -> assertThat(f.reason()).startsWith("cannot decode the zstd body"));
  }

  static byte[] zstd(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZstdOutputStream z = new ZstdOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  private static String core(CoreSpec spec, CapturedResponse r) {
    Extraction e = CoreExtractor.extract(spec, r);
    assertThat(e).as(e.toString()).isInstanceOf(Extraction.Ok.class);
    return ((Extraction.Ok) e).core().toString();
  }

  private static CapturedResponse answer(String contentType, String body) {
    return new CapturedResponse(200, List.of(Map.entry("Content-Type", contentType)), utf8(body), 1);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
