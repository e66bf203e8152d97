package dev.strangler.record;

import static dev.strangler.record.Records.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.compare.Diff;
import dev.strangler.compare.DiffKind;
import dev.strangler.config.MaskConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaskerTest {
  private final Masker masker = new Masker(new MaskConfig(Set.of("X-Api-Key"), Set.of("token", "api_key"),
      List.of("$.password", "$.users[*].ssn", "$.session.*")));

  @Test
  void credentialHeadersAreAlwaysMasked() {
    Masker none = new Masker(MaskConfig.none());
    List<Map.Entry<String, String>> in = List.of(
        Map.entry("Authorization", "Bearer abc"), Map.entry("cookie", "sid=1"),
        Map.entry("Set-Cookie", "a=1"), Map.entry("Set-Cookie", "b=2"),
        Map.entry("PROXY-AUTHORIZATION", "Basic x"), Map.entry("Accept", "text/html"));

    assertThat(none.headers(in)).containsExactly(
        Map.entry("Authorization", "***"), Map.entry("cookie", "***"),
        Map.entry("Set-Cookie", "***"), Map.entry("Set-Cookie", "***"),
        Map.entry("PROXY-AUTHORIZATION", "***"), Map.entry("Accept", "text/html"));
  }

  @Test
  void jsonBodiesHaveTheirSecretPathsMaskedAndOtherBodiesPassAsTheyAre() {
    byte[] json = "{\"user\":\"ada\", \"password\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    byte[] broken = "{\"password\":".getBytes(StandardCharsets.UTF_8);

    assertThat(new String(masker.body("application/json; charset=utf-8", json), StandardCharsets.UTF_8))
        .isEqualTo("{\"user\":\"ada\",\"password\":\"***\"}");
    assertThat(masker.body("text/plain", json)).isSameAs(json);
    assertThat(masker.body("application/json", broken)).isSameAs(broken);
    assertThat(new Masker(MaskConfig.none()).body("application/json", json)).isSameAs(json);
  }

  @Test
  void configuredHeadersAreMaskedWhateverTheirCase() {
    assertThat(masker.header("x-api-key", "k")).isEqualTo("***");
    assertThat(masker.header("X-Other", "k")).isEqualTo("k");
  }

  @Test
  void queryParameterValuesAreMasked() {
    assertThat(masker.query("a=1&token=abc&b=&Token=x&api%5Fkey=k&token&x=token"))
        .isEqualTo("a=1&token=***&b=&Token=***&api%5Fkey=***&token&x=token");
    assertThat(masker.query(null)).isNull();
    assertThat(masker.uri("/login?user=ann&token=s3cret")).isEqualTo("/login?user=ann&token=***");
    assertThat(masker.uri("/plain")).isEqualTo("/plain");
  }

  @Test
  void jsonValuesAtPathsAreMaskedInACopy() {
    var core = json("""
        {"user":"ann","password":"hunter2","users":[{"ssn":"1","n":1},{"ssn":null},{"n":3}],
         "session":{"id":"s","token":{"deep":true}},"password2":"keep"}""");

    var masked = masker.json(core);

    assertThat(masked).isEqualTo(json("""
        {"user":"ann","password":"***","users":[{"ssn":"***","n":1},{"ssn":null},{"n":3}],
         "session":{"id":"***","token":"***"},"password2":"keep"}"""));
    assertThat(core.get("password").asText()).isEqualTo("hunter2");
  }

  @Test
  void diffsAtOrBelowASecretPathAreMaskedWholly() {
    Diff at = masker.diff(new Diff("$.users[3].ssn", DiffKind.CHANGED, json("\"1\""), json("\"2\"")));
    Diff below = masker.diff(new Diff("$.session.token.deep", DiffKind.MISSING, json("true"), null));

    assertThat(at).isEqualTo(new Diff("$.users[3].ssn", DiffKind.CHANGED, json("\"***\""), json("\"***\"")));
    assertThat(below).isEqualTo(new Diff("$.session.token.deep", DiffKind.MISSING, json("\"***\""), null));
  }

  @Test
  void diffsAboveASecretPathAreMaskedInside() {
    Diff d = masker.diff(new Diff("$.users", DiffKind.CHANGED,
        json("[{\"ssn\":\"1\",\"n\":1}]"), json("[{\"ssn\":\"2\",\"n\":2}]")));

    assertThat(d.legacy()).isEqualTo(json("[{\"ssn\":\"***\",\"n\":1}]"));
    assertThat(d.fresh()).isEqualTo(json("[{\"ssn\":\"***\",\"n\":2}]"));
  }

  @Test
  void otherDiffsAndUnparseableDiffPathsAreHandledSafely() {
    Diff other = new Diff("$.title", DiffKind.CHANGED, json("\"a\""), json("\"b\""));
    assertThat(masker.diff(other)).isEqualTo(other);
    Diff odd = masker.diff(new Diff("$.a..b", DiffKind.CHANGED, json("\"a\""), json("\"b\"")));
    assertThat(odd.legacy().asText()).isEqualTo("***");
  }

  @Test
  void recordsHaveQueryCoresAndDiffsMasked() {
    List<Diff> diffs = List.of(new Diff("$.password", DiffKind.CHANGED, json("\"a\""), json("\"b\"")));
    DiscrepancyRecord r = new DiscrepancyRecord(RecordIds.next(), Instant.now(), "login", "POST", "/login",
        "token=abc", "id", null, Outcome.DIFF,
        SideResult.ok(200, 1, json("{\"password\":\"a\",\"ok\":true}")),
        SideResult.ok(200, 1, json("{\"password\":\"b\",\"ok\":true}")),
        diffs, Fingerprints.of("login", diffs), null);

    String line = RecordJson.write(masker.record(r));

    assertThat(line).doesNotContain("abc").doesNotContain("\"a\"").doesNotContain("\"b\"")
        .contains("\"query\":\"token=***\"", "\"core\":{\"password\":\"***\",\"ok\":true}");
    assertThat(masker.record(r).fingerprint()).isEqualTo(r.fingerprint());
  }
}
