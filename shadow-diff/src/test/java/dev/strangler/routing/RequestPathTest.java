package dev.strangler.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/                               | /",
      "/posts/hello                    | /posts/hello",
      "/public/../internal/x           | /internal/x",
      "/public/%2e%2e/internal/x       | /internal/x",
      "/public/%2E%2E/internal/x       | /internal/x",
      "/public/x/../../internal/x      | /internal/x",
      "/public/./x                     | /public/x",
      "/a/b/.                          | /a/b/",
      "/a/b/..                         | /a/",
      "/a/..                           | /",
      "/a//b///c                       | /a/b/c",
      "//a                             | /a",
      "/a/                             | /a/",
      "/a/.hidden/..x/x..              | /a/.hidden/..x/x..",
      "/%7Euser/%41%62c                | /~user/Abc",
      "/a%2Fb                          | /a%2Fb",
      "/a%2fb/%3F?                     | /a%2fb/%3F?",
      "/file%20name                    | /file%20name",
      "/caf\u00c3\u00a9                | /caf\u00c3\u00a9",
  })
  void normalisesToThePathTheEdgeRoutesOn(String raw, String routed) {
    assertThat(RequestPath.normalize(raw)).isEqualTo(routed);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/public/..%2finternal/x", "/public/..%2Finternal/x", "/public/..%5cinternal", "/public/..\\internal",
      "/public/%2e%2e%2finternal", "/a/.%2fb", "/..", "/../x", "/a/../../x", "/%2e%2e/x",
      "/bad%zz", "/bad%2", "/bad%", "/nul%00", "/ctl\u0000", "/ctl\u0001x", "/del\u007f", "/tab\tx", "",
      "relative",
  })
  void refusesPathsAnUpstreamCouldReadOtherwise(String raw) {
    assertThat(RequestPath.normalize(raw)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/posts/hello", "/api/posts/x/comments", "/caf\u00c3\u00a9"})
  void aPlainPathIsReturnedAsItIs(String raw) {
    assertThat(RequestPath.normalize(raw)).isSameAs(raw);
  }
}
