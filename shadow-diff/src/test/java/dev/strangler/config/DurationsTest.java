package dev.strangler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"250ms, PT0.25S", "5s, PT5S", "2m, PT2M", "1h, PT1H", "90s, PT1M30S"})
  void parsesEachUnit(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "0s", "-1s", "1.5s", "5 s", "5sec", "1d", "ms"})
  void refusesOtherForms(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse(text))
        .withMessageContaining("like 250ms or 5s");
  }

  @ParameterizedTest
  @CsvSource({"0s, PT0S", "0ms, PT0S", "2s, PT2S"})
  void zeroIsAllowedWhereAKeySaysSo(String text, Duration expected) {
    assertThat(Durations.parseZeroOrMore(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "-1s", "1.5s"})
  void refusesOtherFormsWhereZeroIsAllowed(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parseZeroOrMore(text))
        .withMessageContaining("like 0s, 250ms or 5s");
  }

  @ParameterizedTest
  @CsvSource({"PT0.25S, 250ms", "PT5S, 5s", "PT2M, 2m", "PT1H, 1h", "PT1M30S, 90s", "PT0S, 0s", "PT1.5S, 1500ms"})
  void formatsInTheLargestWholeUnit(Duration d, String expected) {
    assertThat(Durations.format(d)).isEqualTo(expected);
    assertThat(Durations.parseZeroOrMore(expected)).isEqualTo(d);
  }
}
