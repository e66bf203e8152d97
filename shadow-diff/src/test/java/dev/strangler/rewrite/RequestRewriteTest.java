package dev.strangler.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rewrite applier: path templates over the route's params, query modes, header edits. */
class RequestRewriteTest {
  @Test
  void pathTemplatesTakeTheRoutesParamsAndTheTail() {
    RequestRewrite r = RequestRewrite.compile("/shop/{shop}/items/**", "/v2/{shop}/{**}.json", QueryRule.KEEP,
        Map.of(), List.of());
    assertThat(r.target("/shop/north/items/a/b?x=1")).isEqualTo("/v2/north/a/b.json?x=1");
    assertThat(r.target("/shop/north/items")).isEqualTo("/v2/north/.json");
    assertThat(r.target("/shop//north/./items/c")).as("bound on the normalised path").isEqualTo("/v2/north/c.json");
  }

  @Test
  void queryIsKeptDroppedOrSet() {
    QueryRule set = new QueryRule(QueryRule.Mode.SET, Map.of("view", "core page"));
    RequestRewrite r = RequestRewrite.compile("/p/{id}", null, set, Map.of(), List.of());
    assertThat(r.target("/p/1?a=1&view=full&b")).isEqualTo("/p/1?a=1&b&view=core+page");
    assertThat(r.target("/p/1")).isEqualTo("/p/1?view=core+page");
    assertThat(RequestRewrite.compile("/p/{id}", null, new QueryRule(QueryRule.Mode.DROP, Map.of()), Map.of(), List.of())
        .target("/p/1?a=1")).isEqualTo("/p/1");
    assertThat(r.rewritesTarget()).isTrue();
    assertThat(RequestRewrite.compile("/p/{id}", null, QueryRule.KEEP, Map.of("A", "b"), List.of()).rewritesTarget())
        .isFalse();
  }

  @Test
  void headersAreRemovedThenSet() {
    RequestRewrite r = RequestRewrite.compile("/**", null, QueryRule.KEEP, Map.of("Accept", "application/json"),
        List.of("Cookie", "Accept"));
    List<String> edits = new ArrayList<>();
    r.headers(new HeaderEdits() {
      @Override
      public void set(String name, String value) {
        edits.add("set " + name + ": " + value);
      }

      @Override
      public void remove(String name) {
        edits.add("remove " + name);
      }
    });
    assertThat(edits).containsExactly("remove Cookie", "remove Accept", "set Accept: application/json");
  }

  @Test
  void anUnknownParameterIsRefused() {
    assertThatThrownBy(() -> RequestRewrite.compile("/posts/{slug}", "/api/{id}", QueryRule.KEEP, Map.of(), List.of()))
        .hasMessage("the route's match path has no parameter {id}; it has: {slug}");
    assertThatThrownBy(() -> RequestRewrite.compile("/posts", "/api/{**}", QueryRule.KEEP, Map.of(), List.of()))
        .hasMessage("the route's match path has no parameter {**} (it has none)");
  }
}
