package dev.strangler.edge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.StickyConfig;
import dev.strangler.config.StickyConfig.Kind;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

/** Finding a request's sticky key in its Cookie fields or a header, else its client address. */
class StickyKeysTest {
  private static final StickyConfig COOKIE = new StickyConfig(Kind.COOKIE, "session");
  private static final StickyConfig HEADER = new StickyConfig(Kind.HEADER, "X-User-Id");

  @Test
  void findsTheNamedCookieAmongOthersAndAcrossFields() {
    assertThat(key(COOKIE, headers("Cookie", "session=abc"))).isEqualTo("abc");
    assertThat(key(COOKIE, headers("Cookie", "xsession=no; session=abc; session2=no"))).isEqualTo("abc");
    assertThat(key(COOKIE, headers("Cookie", "a=1", "Cookie", "session=\"q v\""))).isEqualTo("q v");
    assertThat(key(COOKIE, headers("Cookie", "a=1;session=abc"))).isEqualTo("abc");
  }

  @Test
  void withoutTheCookieOrHeaderOrWithAnEmptyOneTheClientAddressIsTheKey() {
    assertThat(key(COOKIE, headers())).isEqualTo("10.0.0.9");
    assertThat(key(COOKIE, headers("Cookie", "other=1; sess=2"))).isEqualTo("10.0.0.9");
    assertThat(key(COOKIE, headers("Cookie", "session="))).isEqualTo("10.0.0.9");
    assertThat(key(COOKIE, headers("Cookie", "session"))).isEqualTo("10.0.0.9");
    assertThat(key(HEADER, headers("Cookie", "session=abc"))).isEqualTo("10.0.0.9");
    assertThat(key(StickyConfig.ADDRESS, headers("X-User-Id", "u1"))).isEqualTo("10.0.0.9");
  }

  @Test
  void aHeaderKeyIsItsFirstValueWhateverItsCase() {
    assertThat(key(HEADER, headers("x-user-id", "u1", "X-User-Id", "u2"))).isEqualTo("u1");
  }

  private static String key(StickyConfig sticky, HttpHeaders headers) {
    return StickyKeys.of(sticky, headers, "10.0.0.9");
  }

  private static HttpHeaders headers(String... pairs) {
    HttpHeaders h = new DefaultHttpHeaders();
    for (int i = 0; i < pairs.length; i += 2) {
      h.add(pairs[i], pairs[i + 1]);
    }
    return h;
  }
}
