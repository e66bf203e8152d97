package dev.strangler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {
  @ParameterizedTest
  @CsvSource({
    "512, 512", "512B, 512", "64KiB, 65536", "1MiB, 1048576", "1GiB, 1073741824",
    "64KB, 64000", "1MB, 1000000", "2GB, 2000000000"
  })
  void parsesBinaryAndDecimalUnits(String text, long bytes) {
    assertThat(Sizes.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "-1", "1.5MiB", "1 MiB", "1mib", "10mb", "1TiB", "KiB"})
  void refusesOtherForms(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Sizes.parse(text))
        .withMessageContaining("like 512, 64KiB or 1MiB");
  }
}
