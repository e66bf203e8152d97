package dev.strangler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.config.JsonPathPattern.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathPatternTest {

  @Test
  void parsesEveryStepForm() {
    assertThat(JsonPathPattern.parse("$").steps()).isEmpty();
    assertThat(JsonPathPattern.parse("$.a[*].b[3]['c d'][\"e.f\"].*").steps()).containsExactly(
        new Step("a", -1, false), new Step(null, -1, true), new Step("b", -1, false),
        new Step(null, 3, false), new Step("c d", -1, false), new Step("e.f", -1, false),
        new Step(null, -1, true));
  }

  @Test
  void refusesMalformedPaths() {
    for (String bad : List.of("a.b", "$.", "$..a", "$[", "$[x]", "$[-1]", "$['a]", "$.a]", "$a")) {
      assertThatThrownBy(() -> JsonPathPattern.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("expected a path like");
    }
  }

  @Test
  void matchesAConcretePathOrItsDescendants() {
    JsonPathPattern p = JsonPathPattern.parse("$.users[*].ssn");
    assertThat(p.matchesPrefixOf(steps("$.users[0].ssn"))).isTrue();
    assertThat(p.matchesPrefixOf(steps("$.users[12].ssn.last4"))).isTrue();
    assertThat(p.matchesPrefixOf(steps("$.users[0].name"))).isFalse();
    assertThat(p.matchesPrefixOf(steps("$.users[0]"))).isFalse();
    assertThat(p.matchesPrefixOf(steps("$.admins[0].ssn"))).isFalse();
    assertThat(JsonPathPattern.parse("$.a[1]").matchesPrefixOf(steps("$.a[2]"))).isFalse();
    assertThat(JsonPathPattern.parse("$.a[1]").matchesPrefixOf(steps("$.a['1']"))).isFalse();
    assertThat(JsonPathPattern.parse("$.*.token").matchesPrefixOf(steps("$.session.token"))).isTrue();
  }

  @Test
  void remainderBelowAShorterConcretePath() {
    JsonPathPattern p = JsonPathPattern.parse("$.users[*].ssn");
    assertThat(p.remainderBelow(steps("$.users"))).contains(steps("$[*].ssn"));
    assertThat(p.remainderBelow(steps("$"))).contains(p.steps());
    assertThat(p.remainderBelow(steps("$.admins"))).isEmpty();
    assertThat(p.remainderBelow(steps("$.users[0].ssn"))).isEmpty();
  }

  private static List<Step> steps(String path) {
    return JsonPathPattern.parse(path).steps();
  }
}
