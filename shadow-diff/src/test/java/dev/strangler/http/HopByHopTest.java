package dev.strangler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HopByHopTest {

  @Test
  void theFixedFieldsIncludeTheProxyOnes() {
    assertThat(HopByHop.removedWith(List.of())).containsExactlyInAnyOrder("connection", "keep-alive",
        "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding",
        "upgrade");
    assertThat(HopByHop.isFixed("Proxy-Authorization")).isTrue();
    assertThat(HopByHop.isFixed("X-Api-Key")).isFalse();
  }

  @Test
  void fieldsNamedByConnectionGoTooExceptFramingAProxyKeeps() {
    var removed = HopByHop.removedWith(List.of("keep-alive, X-Hop", " x-other ,Content-Length", "HOST"));

    assertThat(removed).contains("x-hop", "x-other").doesNotContain("content-length", "host");
  }

  @Test
  void connectionTokensAreTrimmedLowerCasedAndInOrder() {
    assertThat(HopByHop.connectionTokens(List.of("Upgrade, ,Keep-Alive", "close"))).containsExactly("upgrade",
        "keep-alive", "close");
  }
}
