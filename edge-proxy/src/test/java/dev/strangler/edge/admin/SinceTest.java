package dev.strangler.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SinceTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void durationsCountBackFromNow() {
    assertThat(Since.parse("250ms", NOW)).isEqualTo("2026-11-25T11:59:59.750Z");
    assertThat(Since.parse("30s", NOW)).isEqualTo("2026-11-25T11:59:30Z");
    assertThat(Since.parse("15m", NOW)).isEqualTo("2026-11-25T11:45:00Z");
    assertThat(Since.parse(" 2h ", NOW)).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(Since.parse("1d", NOW)).isEqualTo("2026-11-24T12:00:00Z");
  }

  @Test
  void instantsAreTakenAsTheyAre() {
    assertThat(Since.parse("2026-11-25T10:00:00Z", NOW)).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(Since.parse("2026-11-25T10:00:00.123Z", NOW)).isEqualTo("2026-11-25T10:00:00.123Z");
    assertThat(Since.parse("2026-11-25T11:00:00+01:00", NOW)).isEqualTo("2026-11-25T10:00:00Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "0m", "-5m", "5", "1w", "2026-11-25", "2026-11-25T10:00:00"})
  void othersAreRefusedWithTheAcceptedForms(String text) {
    assertThatThrownBy(() -> Since.parse(text, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Since.FORMS);
  }
}
