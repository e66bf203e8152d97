package dev.strangler.compare;

import static dev.strangler.compare.DiffKind.CHANGED;
import static dev.strangler.compare.DiffKind.MISSING;
import static dev.strangler.compare.DiffKind.UNEXPECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.config.CompareConfig;
import dev.strangler.config.CompareMode;
import dev.strangler.json.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The comparison works on the documents' bytes: values whose bytes differ but whose JSON values
 * are equal must still match, and equal bytes must match under every rule.
 */
class ByteShortcutTest {

  private static List<Diff> compare(CompareMode mode, String legacy, String fresh) {
    return new CoreComparator(Docs.mode(mode)).compare(Docs.tape(legacy), Docs.tape(fresh));
  }

  @ParameterizedTest
  @EnumSource(CompareMode.class)
  void escapedAndPlainSpellingsOfAStringAreEqual(CompareMode mode) {
    assertThat(compare(mode, "{\"a\":\"A/\\u00e9\\n\"}", "{\"a\":\"\\u0041\\/é\\u000a\"}")).isEmpty();
    assertThat(compare(mode, "{\"\\u0061\":1}", "{\"a\":1}")).isEmpty();
    assertThat(compare(mode, "[\"x\\\"y\"]", "[\"x\\u0022y\"]")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CompareMode.class)
  void numbersCompareByValueWhateverTheirSpelling(CompareMode mode) {
    assertThat(compare(mode, "{\"a\":1,\"b\":[2.50,-0]}", "{\"a\":1.0,\"b\":[25e-1,0]}")).isEmpty();
    assertThat(compare(mode, "{\"a\":100}", "{\"a\":1E2}")).isEmpty();
    assertThat(compare(mode, "{\"a\":1}", "{\"a\":1.5}")).containsExactly(Docs.diff("$.a", CHANGED, "1", "1.5"));
  }

  @Test
  void integersCompareExactlyAndFractionsAsDoubles() {
    assertThat(compare(CompareMode.STRICT, "[9007199254740993]", "[9007199254740992]")).hasSize(1);
    assertThat(compare(CompareMode.STRICT, "[123456789012345678901234567890]", "[123456789012345678901234567890]  "))
        .isEmpty();
    assertThat(compare(CompareMode.STRICT, "[123456789012345678901234567890]", "[123456789012345678901234567890.0]"))
        .as("the fraction is read as a double, as Jackson does").hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(CompareMode.class)
  void siblingsAfterASharedRunAreComparedUpToTheirLastByte(CompareMode mode) {
    assertThat(compare(mode, "{\"a\":1,\"b\":[10,20,30],\"c\":2}", "{\"a\":1,\"b\":[10,20,31],\"c\":3}"))
        .extracting(Diff::path)
        .containsExactly("$.b[2]", "$.c");
    assertThat(compare(mode, "[\"ab\",\"ab\",1]", "[\"ab\",\"abc\",1]")).hasSize(1);
    assertThat(compare(mode, "{\"x\":[1,22],\"y\":[1,22]}", "{\"x\":[1,22],\"y\":[1,2,2]}")).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(CompareMode.class)
  void fieldOrderAndWhiteSpaceDoNotMatter(CompareMode mode) {
    assertThat(compare(mode, "{\"a\":1,\"b\":{\"c\":[1,2],\"d\":null}}", " { \"b\" : {\"d\":null, \"c\":[ 1 ,2 ]},\n\"a\":1 } "))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CompareMode.class)
  void aRepeatedNameKeepsItsLastValueAtItsFirstPlace(CompareMode mode) {
    assertThat(compare(mode, "{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":3,\"b\":2}")).isEmpty();
    assertThat(compare(mode, "{\"a\":1,\"a\":{\"x\":[1]}}", "{\"a\":{\"x\":[2]}}"))
        .containsExactly(Docs.diff("$.a.x[0]", CHANGED, "1", "2"));
  }

  @Test
  void diffValuesArePlainTreesOfTheReportedValues() {
    assertThat(compare(CompareMode.STRICT, "{\"a\":{\"x\":\"\\u00e9\"},\"b\":1}", "{\"b\":1,\"c\":[true]}"))
        .containsExactly(Docs.diff("$.a", MISSING, "{\"x\":\"é\"}", null), Docs.diff("$.c", UNEXPECTED, null, "[true]"));
  }

  @Test
  void equalBytesMatchUnderEveryRule() {
    CompareConfig rules = new CompareConfig(CompareMode.STRICT, List.of("$.a.b"), List.of("$.c"),
        Map.of("$.d", "id"), Map.of("$.e", 0.5));
    String doc = "{\"a\":{\"b\":1},\"c\":[3,1,1],\"d\":[{\"id\":1},{\"id\":1}],\"e\":2}";
    assertThat(new CoreComparator(rules).compare(Docs.tape(doc), Docs.tape(doc))).isEmpty();
  }

  @Test
  void identicalBytesAreOnlyValidatedYetInvalidOnesAreStillRefused() throws JsonSyntaxException {
    CoreComparator comparator = new CoreComparator(Docs.mode(CompareMode.STRICT));
    byte[] doc = "{\"a\":[1,{\"b\":\"\\u00e9\"}],\"a\":2}".getBytes(StandardCharsets.UTF_8);
    assertThat(comparator.compare(doc, doc.clone())).isEmpty();
    byte[] broken = "{\"a\":[1,}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> comparator.compare(broken, broken.clone()))
        .isInstanceOf(JsonSyntaxException.class).hasMessageEndingWith("at 1:9");
  }
}
