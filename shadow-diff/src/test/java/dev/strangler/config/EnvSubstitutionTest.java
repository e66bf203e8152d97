package dev.strangler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {
  private static final Map<String, String> ENV = Map.of("HOST", "db", "PORT", "5432", "EMPTY", "");

  @Test
  void expandsReferencesInsideText() {
    assertThat(EnvSubstitution.expand("jdbc:postgresql://${HOST}:${PORT}/edge", ENV))
        .isEqualTo("jdbc:postgresql://db:5432/edge");
  }

  @Test
  void usesTheDefaultWhenUnsetOrEmpty() {
    assertThat(EnvSubstitution.expand("${MISSING:-5s}", ENV)).isEqualTo("5s");
    assertThat(EnvSubstitution.expand("${EMPTY:-x}", ENV)).isEqualTo("x");
    assertThat(EnvSubstitution.expand("${HOST:-x}", ENV)).isEqualTo("db");
    assertThat(EnvSubstitution.expand("${MISSING:-}", ENV)).isEmpty();
  }

  @Test
  void leavesOtherDollarsAlone() {
    assertThat(EnvSubstitution.expand("$.comments[*].id", ENV)).isEqualTo("$.comments[*].id");
    assertThat(EnvSubstitution.expand("a$b$", ENV)).isEqualTo("a$b$");
  }

  @Test
  void anEmptySetVariableIsKeptWithoutDefault() {
    assertThat(EnvSubstitution.expand("[${EMPTY}]", ENV)).isEqualTo("[]");
  }

  @Test
  void namesTheUnsetVariable() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EnvSubstitution.expand("${TOKEN}", ENV))
        .withMessage("environment variable 'TOKEN' is not set; set it or write ${TOKEN:-default}");
  }

  @Test
  void refusesMalformedReferences() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EnvSubstitution.expand("${TOKEN", ENV))
        .withMessageContaining("not closed");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EnvSubstitution.expand("${1X}", ENV))
        .withMessageContaining("not a valid reference");
  }

  @Test
  void shieldingKeepsEveryPositionAndRoundTrips() {
    String yaml = "admin: {token: ${T:-}, listen: x}";
    String shielded = EnvSubstitution.shield(yaml);
    assertThat(shielded).hasSameSizeAs(yaml).doesNotContain("${");
    assertThat(EnvSubstitution.unshield(shielded)).isEqualTo(yaml);
  }
}
