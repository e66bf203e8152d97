package dev.strangler.edge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.lifecycle.Lifecycle.Stage;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  @Test
  void readyOnlyWhileServingAndNeverBackFromDraining() {
    Lifecycle lifecycle = new Lifecycle();
    assertThat(lifecycle.stage()).isEqualTo(Stage.STARTING);
    assertThat(lifecycle.ready()).isFalse();

    lifecycle.serving();
    assertThat(lifecycle.ready()).isTrue();

    lifecycle.draining();
    lifecycle.serving();
    assertThat(lifecycle.stage()).isEqualTo(Stage.DRAINING);
    assertThat(lifecycle.ready()).isFalse();
  }
}
