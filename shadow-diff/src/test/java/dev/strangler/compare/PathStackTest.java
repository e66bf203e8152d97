package dev.strangler.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.json.Json;
import dev.strangler.json.JsonSyntaxException;
import dev.strangler.json.Tape;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathStackTest {
  /** Field names and key values that a path writes plainly, quoted, or only after decoding. */
  private static final List<String> VALUES = List.of(
      "\"a\"", "\"price\"", "\"_x-1$@\"", "\"a b\"", "\"a.b\"", "\"*\"", "\"\"", "\"caf\\u00e9\"", "\"café\"",
      "\"\\u0061\"", "\"it's\"", "\"back\\\\slash\"", "\"true\"", "\"null\"", "\"falsey\"", "\"1a\"", "\"a \"",
      "\"a:b+c@d.e-f g\"", "\"ünï\"", "0", "-0", "-0.0", "7", "-12", "10004", "12345678901234567890", "1.5",
      "1e2", "1E+2", "2.50", "true", "false", "null", "{\"k\":1}", "[1,\"x\"]");

  @ParameterizedTest
  @ValueSource(strings = {"field", "key"})
  void bytesWrittenStraightReadAsTheDecodedPath(String step) throws JsonSyntaxException {
    Tape tape = Json.parse("[" + String.join(",", VALUES) + "]");
    int name = tape.item(0, 1);
    for (int v = 0; v < VALUES.size(); v++) {
      int node = tape.item(0, v);
      PathStack stack = new PathStack();
      stack.pushField(tape, name);
      stack.pushIndex(v * 37);
      if (step.equals("field")) {
        if (tape.kind(node) != Tape.STRING) {
          continue;
        }
        stack.pushField(tape, node);
      } else {
        stack.pushKey("id", tape, node);
      }
      stack.pushIndex(0);
      assertThat(stack.render()).as(VALUES.get(v)).isEqualTo(stack.renderText());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"a\"", "\"price\"", "7", "\"reader3\""})
  void plainStepsAreWrittenAsTheyRead(String key) throws JsonSyntaxException {
    Tape tape = Json.parse("[\"comments\"," + key + ",\"text\"]");
    PathStack stack = new PathStack();
    stack.pushField(tape, 1);
    stack.pushKey("id", tape, 2);
    stack.pushIndex(1203);
    stack.pushField(tape, 3);
    assertThat(stack.render()).isEqualTo("$.comments[id=" + key.replace("\"", "") + "][1203].text");
  }
}
