package dev.strangler.record;

import static dev.strangler.record.Records.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.compare.Diff;
import dev.strangler.compare.DiffKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

  @Test
  void sameShapesAndKindsGroupTogetherWhateverTheValuesIndexesAndOrder() {
    String a = Fingerprints.of("post-read", List.of(
        new Diff("$.comments[0].body", DiffKind.CHANGED, json("\"a\""), json("\"b\"")),
        new Diff("$.price", DiffKind.CHANGED, json("1"), json("2"))));
    String b = Fingerprints.of("post-read", List.of(
        new Diff("$.price", DiffKind.CHANGED, json("7"), json("8")),
        new Diff("$.comments[3].body", DiffKind.CHANGED, json("\"x\""), json("\"y\"")),
        new Diff("$.comments[4].body", DiffKind.CHANGED, json("\"x\""), json("\"z\""))));

    assertThat(a).isEqualTo(b).matches("post-read:[0-9a-f]{16}");
  }

  @Test
  void kindsPathsAndRoutesSeparateGroups() {
    List<Diff> changed = List.of(new Diff("$.price", DiffKind.CHANGED, json("1"), json("2")));
    List<Diff> typeChanged = List.of(new Diff("$.price", DiffKind.TYPE_CHANGED, json("1"), json("\"1\"")));
    List<Diff> otherPath = List.of(new Diff("$.total", DiffKind.CHANGED, json("1"), json("2")));

    assertThat(Fingerprints.of("r", changed)).isNotEqualTo(Fingerprints.of("r", typeChanged))
        .isNotEqualTo(Fingerprints.of("r", otherPath));
    assertThat(Fingerprints.of("r", changed).substring(2))
        .isEqualTo(Fingerprints.of("other", changed).substring(6));
  }

  @Test
  void isTheDocumentedHash() {
    List<Diff> diffs = List.of(
        new Diff("$.b[2]", DiffKind.MISSING, json("1"), null),
        new Diff("$.a", DiffKind.CHANGED, json("1"), json("2")));
    assertThat(Fingerprints.of("r", diffs)).isEqualTo("r:" + sha256Hex("$.a changed\n$.b[*] missing").substring(0, 16));
  }

  @Test
  void outcomesWithoutDiffsUseTheirClass() {
    assertThat(Fingerprints.of("post-read", Outcome.EXTRACT_FAILED, "new"))
        .isEqualTo("post-read:extract_failed:new");
    assertThat(Fingerprints.of("post-read", Outcome.SHADOW_ERROR, "Connect Refused"))
        .isEqualTo("post-read:shadow_error:connect-refused");
  }

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
