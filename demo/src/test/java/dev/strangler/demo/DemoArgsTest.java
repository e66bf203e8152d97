package dev.strangler.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoArgsTest {

  @Test
  void parsesEachCommand() {
    assertThat(DemoArgs.parse("legacy", "--port", "5001"))
        .isEqualTo(new DemoArgs("127.0.0.1", 5001, -1, null, false));
    assertThat(DemoArgs.parse("new", "--port", "6002", "--data", "x.db", "--diverge-comment-order"))
        .isEqualTo(new DemoArgs("127.0.0.1", -1, 6002, Path.of("x.db"), true));
    assertThat(DemoArgs.parse("both", "--legacy-port", "0", "--new-port", "7002", "--host", "0.0.0.0"))
        .isEqualTo(new DemoArgs("0.0.0.0", 0, 7002, null, false));
    assertThat(DemoArgs.parse("both")).isEqualTo(new DemoArgs("127.0.0.1", 5001, 5002, null, false));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(DemoArgs::parse).hasMessageContaining("missing command");
    assertThatThrownBy(() -> DemoArgs.parse("edge")).hasMessageContaining("unknown command");
    assertThatThrownBy(() -> DemoArgs.parse("legacy", "--data", "x")).hasMessageContaining("unknown option");
    assertThatThrownBy(() -> DemoArgs.parse("new", "--port")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> DemoArgs.parse("new", "--port", "99999")).hasMessageContaining("not a port");
    assertThatThrownBy(() -> DemoArgs.parse("legacy", "--port", "x")).hasMessageContaining("not a port");
  }
}
