package dev.strangler.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptHeaderTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | true",
      "text/html | true",
      "text/* | true",
      "application/json;q=0.4, text/html;q=0.5 | true",
      "TEXT/HTML | true",
      "application/json | false",
      "*/* | false",
      "text/html, application/json | false",
      "text/html;q=0.5, application/json | false",
      "text/plain | false",
      "text/html;q=0 | false",
      "'' | false",
      "NULL | false"})
  void choosesHtmlOnlyWhenItIsRatedHigherThanJson(String accept, boolean html) {
    assertThat(AcceptHeader.prefersHtml(accept)).isEqualTo(html);
  }
}
