package dev.strangler.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.capture.CaptureLine;
import dev.strangler.routing.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** routes.yaml's rewrite, extractor lists and noise settings, read as written (mistakes: ConfigLoaderErrorsTest). */
class FidelityConfigTest {
  @TempDir Path dir;

  @Test
  void readsRewritesExtractorListsAndNoise() throws Exception {
    String head = ConfigLoaderErrorsTest.HEAD.replace("routes:\n", "defaults: {shadow: {noise: {sample: 0.02}}}\nroutes:\n");
    RouteConfig r = load(head + ConfigLoaderErrorsTest.SLUG_ROUTE + """
            shadow: {noise: {min-observations: 5}}
            rewrite:
              new:
                path: "/api/v2/posts/{slug}"
                query: {set: {view: core}}
                headers: {set: {Accept: application/json}, remove: [Cookie]}
              legacy: {query: drop}
            core:
              legacy: {html-island: "script#core"}
              new: [{json: "/post"}, {html-island: "script#core"}]
        """).routes().get(0);

    assertThat(r.shadow().noise()).isEqualTo(new NoiseConfig(0.02, 5));
    assertThat(r.core().get(Side.NEW)).isEqualTo(new CoreSpec.FirstFit(
        List.of(new CoreSpec.Json("/post"), new CoreSpec.HtmlIsland("script#core"))));
    var request = new CaptureLine.Request("GET", "/posts/hello?ref=feed",
        List.of(Map.entry("Accept", "text/html"), Map.entry("cookie", "sid=1"), Map.entry("Host", "blog")), null);
    CaptureLine.Request fresh = r.rewriteOf(Side.NEW).apply(request);
    assertThat(fresh.uri()).isEqualTo("/api/v2/posts/hello?ref=feed&view=core");
    assertThat(fresh.headers()).containsExactly(Map.entry("Host", "blog"), Map.entry("Accept", "application/json"));
    assertThat(r.rewriteOf(Side.LEGACY).apply(request).uri()).isEqualTo("/posts/hello");
  }

  private EdgeConfig load(String yaml) throws Exception {
    Path file = dir.resolve("routes.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file, Map.of());
  }
}
