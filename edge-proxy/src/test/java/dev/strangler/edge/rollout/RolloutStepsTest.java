package dev.strangler.edge.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --steps}: rising whole weights from 1 to 100. */
class RolloutStepsTest {
  @Test
  void risingWeightsAreTaken() {
    assertThat(Steps.parse("1, 5,25,100").weights()).containsExactly(1, 5, 25, 100);
  }

  @Test
  void anythingElseIsRefusedWithASentence() {
    assertThatThrownBy(() -> Steps.parse("5,5")).hasMessage("steps must rise, got 5 after 5");
    assertThatThrownBy(() -> Steps.parse("0,50")).hasMessage("each step is a weight from 1 to 100, got 0");
    assertThatThrownBy(() -> Steps.parse("50,101")).hasMessage("each step is a weight from 1 to 100, got 101");
    assertThatThrownBy(() -> Steps.parse("10,,20")).hasMessage("expected weights like 1,5,25,100, got ''");
    assertThatThrownBy(() -> Steps.parse("ten")).hasMessage("expected weights like 1,5,25,100, got 'ten'");
  }
}
