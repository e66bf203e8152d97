package dev.strangler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {
  @Test
  void parsesNamesAddressesAndIpv6() {
    assertThat(HostPort.parse("127.0.0.1:8080")).isEqualTo(new HostPort("127.0.0.1", 8080));
    assertThat(HostPort.parse("edge.internal:0")).isEqualTo(new HostPort("edge.internal", 0));
    assertThat(HostPort.parse("[::1]:9901")).isEqualTo(new HostPort("::1", 9901));
  }

  @Test
  void printsBackAsWritten() {
    assertThat(HostPort.parse("[::1]:9901")).hasToString("[::1]:9901");
    assertThat(HostPort.parse("0.0.0.0:80")).hasToString("0.0.0.0:80");
  }

  @ParameterizedTest
  @ValueSource(strings = {"8080", ":8080", "host:", "host:65536", "host:port", "::1:80", "a b:80"})
  void refusesOtherForms(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HostPort.parse(text))
        .withMessageContaining("expected host:port");
  }
}
