package dev.strangler.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodsTest {
  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "TRACE"})
  void safeMethods(String method) {
    assertThat(Methods.isSafe(method)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "CONNECT", "get", "PROPFIND", ""})
  void everythingElseIsNot(String method) {
    assertThat(Methods.isSafe(method)).isFalse();
  }
}
