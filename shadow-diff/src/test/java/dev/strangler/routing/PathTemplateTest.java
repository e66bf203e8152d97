package dev.strangler.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTest {
  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "/posts/{slug}, /posts/hello, true",
    "/posts/{slug}, /posts/, false",
    "/posts/{slug}, /posts, false",
    "/posts/{slug}, /posts/a/, false",
    "/posts/{slug}, /posts/a/comments, false",
    "/posts/{slug}/comments, /posts/a/comments, true",
    "/posts/*, /posts/a, true",
    "/posts/*, /posts//, false",
    "/a/*/c, /a/b/c, true",
    "/a/*/c, /a//c, false",
    "/api/posts/**, /api/posts, true",
    "/api/posts/**, /api/posts/, true",
    "/api/posts/**, /api/posts/1/comments/2, true",
    "/api/posts/**, /api/postsx, false",
    "/api/posts/**, /api, false",
    "/**, /, true",
    "/**, /anything/at/all/, true",
    "/, /, true",
    "/, /x, false",
    "/health, /health, true",
    "/health, /Health, false",
    "/health, /health/, false",
    "/posts/, /posts/, true",
    "/posts/, /posts, false",
  })
  void matchesWholeSegments(String template, String path, boolean matches) {
    assertThat(PathTemplate.compile(template).matches(path)).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "posts | must start with '/'",
    "/a/**/b | '**' may only be the last segment",
    "/posts/{slug | must look like {name}",
    "/posts/{1x} | must look like {name}",
    "/posts/x{slug} | fill a whole segment",
    "/posts/a* | '*' must fill a whole path segment",
    "/posts?draft=1 | leave out the query",
  })
  void refusesMalformedTemplates(String template, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PathTemplate.compile(template))
        .withMessageContaining(reason);
  }
}
