package dev.strangler.compare;

import static dev.strangler.compare.Docs.compare;
import static dev.strangler.compare.Docs.diff;
import static dev.strangler.compare.Docs.json;
import static dev.strangler.compare.DiffKind.CHANGED;
import static dev.strangler.compare.DiffKind.MISSING;
import static dev.strangler.compare.DiffKind.TYPE_CHANGED;
import static dev.strangler.compare.DiffKind.UNEXPECTED;
import static dev.strangler.config.CompareMode.LENIENT;
import static dev.strangler.config.CompareMode.NON_EXTENSIBLE;
import static dev.strangler.config.CompareMode.STRICT;
import static dev.strangler.config.CompareMode.STRICT_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.config.CompareConfig;
import dev.strangler.config.CompareMode;
import dev.strangler.json.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CoreComparatorTest {

  @ParameterizedTest
  @EnumSource(CompareMode.class)
  void equalDocumentsHaveNoDiffs(CompareMode mode) {
    String doc = "{'a':1,'b':[1,2,{'c':null}],'d':{'e':'x','f':true},'g':[],'h':{}}";
    assertThat(compare(mode, doc, doc)).isEmpty();
  }

  @Test
  void changedValueReportsBothValues() {
    assertThat(compare(STRICT, "{'a':1,'b':'x'}", "{'a':2,'b':'x'}"))
        .containsExactly(diff("$.a", CHANGED, "1", "2"));
  }

  @Test
  void fieldOnlyOnTheLegacySideIsMissingInEveryMode() {
    for (CompareMode mode : CompareMode.values()) {
      assertThat(compare(mode, "{'a':1,'b':{'c':2}}", "{'a':1}"))
          .containsExactly(diff("$.b", MISSING, "{'c':2}", null));
    }
  }

  @Test
  void fieldOnlyOnTheNewSideIsUnexpectedOnlyWhenNotExtensible() {
    String legacy = "{'a':1}";
    String fresh = "{'a':1,'b':{'c':2}}";
    assertThat(compare(STRICT, legacy, fresh)).containsExactly(diff("$.b", UNEXPECTED, null, "{'c':2}"));
    assertThat(compare(NON_EXTENSIBLE, legacy, fresh)).containsExactly(diff("$.b", UNEXPECTED, null, "{'c':2}"));
    assertThat(compare(LENIENT, legacy, fresh)).isEmpty();
    assertThat(compare(STRICT_ORDER, legacy, fresh)).isEmpty();
  }

  @Test
  void nullIsAValueNotAnAbsence() {
    assertThat(compare(STRICT, "{'a':null}", "{}")).containsExactly(diff("$.a", MISSING, "null", null));
    assertThat(compare(STRICT, "{}", "{'a':null}")).containsExactly(diff("$.a", UNEXPECTED, null, "null"));
    assertThat(compare(STRICT, "{'a':null}", "{'a':0}")).containsExactly(diff("$.a", TYPE_CHANGED, "null", "0"));
  }

  @Test
  void differentJsonTypesAreTypeChanges() {
    assertThat(compare(STRICT, "{'a':'1','b':[],'c':true,'d':{}}", "{'a':1,'b':{},'c':'true','d':[]}"))
        .containsExactly(
            diff("$.a", TYPE_CHANGED, "'1'", "1"),
            diff("$.b", TYPE_CHANGED, "[]", "{}"),
            diff("$.c", TYPE_CHANGED, "true", "'true'"),
            diff("$.d", TYPE_CHANGED, "{}", "[]"));
    assertThat(compare(STRICT, "{'a':1}", "[1]")).containsExactly(diff("$", TYPE_CHANGED, "{'a':1}", "[1]"));
  }

  @Test
  void numbersCompareByValue() {
    assertThat(compare(STRICT, "{'a':1,'b':100,'c':-0.0,'d':[2]}", "{'a':1.0,'b':1e2,'c':0,'d':[2.0]}")).isEmpty();
    assertThat(compare(LENIENT, "{'d':[2,1]}", "{'d':[1.0,2.0]}")).isEmpty();
    assertThat(compare(STRICT, "{'a':1}", "{'a':1.5}")).containsExactly(diff("$.a", CHANGED, "1", "1.5"));
  }

  @Test
  void largeIntegersCompareExactly() {
    assertThat(compare(STRICT, "{'id':9007199254740993}", "{'id':9007199254740992}"))
        .containsExactly(diff("$.id", CHANGED, "9007199254740993", "9007199254740992"));
    assertThat(compare(STRICT, "{'id':123456789012345678901234567890}", "{'id':123456789012345678901234567890}"))
        .isEmpty();
  }

  @Test
  void deepPathsNameEveryStep() {
    String legacy = "{'a':{'b':[{'c':1},{'c':{'d':[true,false]}}]}}";
    String fresh = "{'a':{'b':[{'c':1},{'c':{'d':[true,true]}}]}}";
    List<Diff> diffs = compare(STRICT, legacy, fresh);
    assertThat(diffs).containsExactly(diff("$.a.b[1].c.d[1]", CHANGED, "false", "true"));
    assertThat(diffs.get(0).shape()).isEqualTo("$.a.b[*].c.d[*]");
  }

  @Test
  void oddFieldNamesAreQuoted() {
    assertThat(compare(STRICT, "{'a.b':{'it\\'s':1}}", "{'a.b':{'it\\'s':2}}"))
        .containsExactly(diff("$['a.b']['it\\'s']", CHANGED, "1", "2"));
  }

  @Test
  void emptyContainers() {
    assertThat(compare(STRICT, "{'a':[],'o':{}}", "{'a':[],'o':{}}")).isEmpty();
    assertThat(compare(STRICT, "{'a':[]}", "{'a':[1]}")).containsExactly(diff("$.a[0]", UNEXPECTED, null, "1"));
    assertThat(compare(LENIENT, "{'a':[]}", "{'a':[1]}")).containsExactly(diff("$.a[0]", UNEXPECTED, null, "1"));
    assertThat(compare(LENIENT, "{'a':[{}]}", "{'a':[]}")).containsExactly(diff("$.a[0]", MISSING, "{}", null));
    assertThat(compare(STRICT, "{'o':{}}", "{'o':{'x':1}}")).containsExactly(diff("$.o.x", UNEXPECTED, null, "1"));
    assertThat(compare(LENIENT, "{'o':{}}", "{'o':{'x':1}}")).isEmpty();
  }

  @Test
  void strictOrderComparesIndexByIndex() {
    assertThat(compare(STRICT, "{'a':[1,2,3]}", "{'a':[1,3]}"))
        .containsExactly(diff("$.a[1]", CHANGED, "2", "3"), diff("$.a[2]", MISSING, "3", null));
    assertThat(compare(STRICT_ORDER, "{'a':[1]}", "{'a':[1,2]}")).containsExactly(diff("$.a[1]", UNEXPECTED, null, "2"));
    assertThat(compare(STRICT, "{'a':[1,2]}", "{'a':[2,1]}"))
        .containsExactly(diff("$.a[0]", CHANGED, "1", "2"), diff("$.a[1]", CHANGED, "2", "1"));
  }

  @Test
  void otherModesCompareArraysAsMultisets() {
    assertThat(compare(LENIENT, "{'a':[1,2,3]}", "{'a':[3,1,2]}")).isEmpty();
    assertThat(compare(NON_EXTENSIBLE, "{'a':[[1,2],[3]]}", "{'a':[[3],[2,1]]}")).isEmpty();
    assertThat(compare(LENIENT, "{'a':[1,2,3]}", "{'a':[3,1]}")).containsExactly(diff("$.a[1]", MISSING, "2", null));
    assertThat(compare(LENIENT, "{'a':[1]}", "{'a':[5,1]}")).containsExactly(diff("$.a[0]", UNEXPECTED, null, "5"));
  }

  @Test
  void multisetsCountDuplicates() {
    assertThat(compare(NON_EXTENSIBLE, "{'a':[1,1,2]}", "{'a':[2,1,2]}"))
        .containsExactly(diff("$.a[0]", CHANGED, "1", "2"));
  }

  @Test
  void unpairedItemsArePairedInOrderAndDiffed() {
    String legacy = "{'c':[{'id':1,'t':'a'},{'id':2,'t':'b'},{'id':3,'t':'c'}]}";
    String fresh = "{'c':[{'id':3,'t':'c'},{'id':2,'t':'B'},{'id':1,'t':'a'}]}";
    assertThat(compare(LENIENT, legacy, fresh)).containsExactly(diff("$.c[1].t", CHANGED, "'b'", "'B'"));
  }

  @Test
  void lenientItemsMayHaveAddedFieldsInAnyOrder() {
    String legacy = "{'c':[{'id':1,'o':{'x':1}},{'id':2,'o':{'x':2}},{'id':2,'o':{'x':2}}]}";
    String fresh = "{'c':[{'id':2,'o':{'x':2,'y':0}},{'id':1,'o':{'x':1},'n':1},{'id':2,'o':{'x':2}}]}";
    assertThat(compare(LENIENT, legacy, fresh)).isEmpty();
    assertThat(compare(NON_EXTENSIBLE, legacy, fresh)).isNotEmpty();
  }

  @Test
  void unorderedPathsAreMultisetsEvenInStrictMode() {
    CompareConfig rules = new CompareConfig(STRICT, List.of(), List.of("$.tags", "$.posts[*].labels"), Map.of(), Map.of());
    assertThat(compare(rules, "{'tags':['a','b'],'posts':[{'labels':[1,2]}]}", "{'tags':['b','a'],'posts':[{'labels':[2,1]}]}"))
        .isEmpty();
    assertThat(compare(rules, "{'tags':['a','b'],'other':[1,2]}", "{'tags':['b','a'],'other':[2,1]}"))
        .containsExactly(diff("$.other[0]", CHANGED, "1", "2"), diff("$.other[1]", CHANGED, "2", "1"));
    assertThat(compare(rules, "{'tags':['a','b']}", "{'tags':['b','c']}"))
        .containsExactly(diff("$.tags[0]", CHANGED, "'a'", "'c'"));
  }

  @Test
  void shuffledItemsWithAddedFieldsPairByFirstFitWhenNoFieldIsAKey() {
    String legacy = "[{'v':[1]},{'v':[2]},{'v':[3]}]";
    assertThat(compare(LENIENT, legacy, "[{'v':[2],'x':1},{'v':[3],'x':1},{'v':[1],'x':1}]")).isEmpty();
    assertThat(compare(LENIENT, "[{'v':[1]},{'v':[2]}]", "[{'v':[2],'x':1},{'v':[1],'x':1}]")).isEmpty();
    assertThat(compare(LENIENT, "[{'v':[1]},{'v':[2]}]", "[{'v':[2],'x':1},{'v':[4],'x':1}]"))
        .containsExactly(diff("$[0].v[0]", CHANGED, "1", "4"));
  }

  @Test
  void theLastOpenPairOfAShuffledArrayIsDiffedInPlaceOfTheLaterPasses() {
    String few = "[{'v':1},{'v':2},{'v':3}]";
    assertThat(compare(LENIENT, few, "[{'v':3},{'v':2,'x':1},{'v':1}]")).isEmpty();
    assertThat(compare(NON_EXTENSIBLE, few, "[{'v':3},{'v':2,'x':1},{'v':1}]"))
        .containsExactly(diff("$[1].x", UNEXPECTED, null, "1"));
    assertThat(compare(LENIENT, few, "[{'v':3},{'v':9},{'v':1}]")).containsExactly(diff("$[1].v", CHANGED, "2", "9"));
    StringBuilder legacy = new StringBuilder("[");
    StringBuilder fresh = new StringBuilder("[");
    for (int i = 0; i < 12; i++) {
      legacy.append(i == 0 ? "" : ",").append("{'v':").append(i).append('}');
      int j = 11 - i;
      fresh.append(i == 0 ? "" : ",").append("{'v':").append(j).append(j == 4 ? ",'x':1}" : "}");
    }
    String many = legacy.append(']').toString();
    String manyChanged = fresh.append(']').toString();
    assertThat(compare(LENIENT, many, manyChanged)).isEmpty();
    assertThat(compare(NON_EXTENSIBLE, many, manyChanged)).containsExactly(diff("$[4].x", UNEXPECTED, null, "1"));
    String pairs = "[" + few + ",[{'w':1},{'w':2}]]";
    assertThat(compare(LENIENT, pairs, "[[{'w':2,'y':1},{'w':1}],[{'v':3},{'v':2,'x':1},{'v':1}]]")).isEmpty();
    assertThat(compare(LENIENT, pairs, "[[{'w':2,'y':1},{'w':1}],[{'v':3},{'v':9},{'v':1}]]"))
        .containsExactly(diff("$[0][1].v", CHANGED, "2", "9"));
  }

  @Test
  void ignoredPathsArePrunedOnBothSides() {
    CompareConfig rules = new CompareConfig(STRICT, List.of("$.updatedAt", "$.meta"), List.of(), Map.of(), Map.of());
    assertThat(compare(rules, "{'a':1,'updatedAt':1,'meta':{'x':1}}", "{'a':1,'updatedAt':2}")).isEmpty();
    assertThat(compare(rules, "{'a':1}", "{'a':1,'updatedAt':2,'meta':[]}")).isEmpty();
    assertThat(compare(rules, "{'a':1,'updatedAt':1}", "{'a':2}")).containsExactly(diff("$.a", CHANGED, "1", "2"));
  }

  @Test
  void ignoreWithAnyItem() {
    CompareConfig rules = new CompareConfig(STRICT, List.of("$.comments[*].id"), List.of("$.comments"), Map.of(), Map.of());
    String legacy = "{'comments':[{'id':1,'t':'a'},{'id':2,'t':'b'}]}";
    assertThat(compare(rules, legacy, "{'comments':[{'id':7,'t':'b'},{'t':'a'}]}")).isEmpty();
    assertThat(compare(rules, legacy, "{'comments':[{'id':7,'t':'b'},{'t':'x'}]}"))
        .containsExactly(diff("$.comments[0].t", CHANGED, "'a'", "'x'"));
  }

  @Test
  void ignoreWithAnyField() {
    CompareConfig rules = new CompareConfig(NON_EXTENSIBLE, List.of("$.*.secret", "$.cache.*"), List.of(), Map.of(), Map.of());
    assertThat(compare(rules,
        "{'a':{'secret':1,'v':1},'b':{'secret':2},'cache':{'x':1}}",
        "{'a':{'secret':9,'v':1},'b':{},'cache':{'y':2}}")).isEmpty();
    assertThat(compare(rules, "{'a':{'secret':1,'v':1}}", "{'a':{'secret':1,'v':2}}"))
        .containsExactly(diff("$.a.v", CHANGED, "1", "2"));
  }

  @Test
  void ignoringTheRootIgnoresEverything() {
    CompareConfig rules = new CompareConfig(STRICT, List.of("$"), List.of(), Map.of(), Map.of());
    assertThat(compare(rules, "{'a':1}", "[2]")).isEmpty();
  }

  private static CompareConfig keyedByAuthor(CompareMode mode) {
    return new CompareConfig(mode, List.of(), List.of(), Map.of("$.comments", "author"), Map.of());
  }

  @Test
  void keyedItemsMatchByKeyInAnyOrder() {
    String legacy = "{'comments':[{'author':'ada','t':'x'},{'author':'bob','t':'y'}]}";
    String fresh = "{'comments':[{'author':'bob','t':'y'},{'author':'ada','t':'x'}]}";
    assertThat(compare(keyedByAuthor(STRICT), legacy, fresh)).isEmpty();
  }

  @Test
  void keyedItemsReportChangedMissingAndExtraItemsByKey() {
    String legacy = "{'comments':[{'author':'ada','t':'x'},{'author':'bob','t':'y'}]}";
    String fresh = "{'comments':[{'author':'cy','t':'z'},{'author':'ada','t':'X'}]}";
    assertThat(compare(keyedByAuthor(STRICT), legacy, fresh)).containsExactly(
        diff("$.comments[author=ada].t", CHANGED, "'x'", "'X'"),
        diff("$.comments[author=bob]", MISSING, "{'author':'bob','t':'y'}", null),
        diff("$.comments[author=cy]", UNEXPECTED, null, "{'author':'cy','t':'z'}"));
    assertThat(compare(keyedByAuthor(LENIENT), legacy, fresh)).hasSize(3);
  }

  @Test
  void duplicateKeysCompareAsAMultisetUnderTheirKey() {
    String legacy = "{'comments':[{'author':'ada','t':'x'},{'author':'ada','t':'y'}]}";
    assertThat(compare(keyedByAuthor(STRICT), legacy, "{'comments':[{'author':'ada','t':'y'},{'author':'ada','t':'x'}]}"))
        .isEmpty();
    assertThat(compare(keyedByAuthor(STRICT), legacy, "{'comments':[{'author':'ada','t':'y'},{'author':'ada','t':'z'}]}"))
        .containsExactly(diff("$.comments[author=ada].t", CHANGED, "'x'", "'z'"));
    assertThat(compare(keyedByAuthor(STRICT), legacy, "{'comments':[{'author':'ada','t':'y'}]}"))
        .containsExactly(diff("$.comments[author=ada]", MISSING, "{'author':'ada','t':'x'}", null));
  }

  @Test
  void keyValuesAreWrittenUnambiguously() {
    CompareConfig rules = new CompareConfig(STRICT, List.of(), List.of(), Map.of("$.c", "k"), Map.of());
    assertThat(compare(rules,
        "{'c':[{'k':3,'v':1},{'k':'3','v':1},{'k':'Ada L.','v':1},{'k':'it\\'s','v':1},{'k':true,'v':1}]}",
        "{'c':[{'k':3.0,'v':2},{'k':'3','v':2},{'k':'Ada L.','v':2},{'k':'it\\'s','v':2},{'k':true,'v':2}]}"))
        .extracting(Diff::path)
        .containsExactly("$.c[k=3].v", "$.c[k='3'].v", "$.c[k=Ada L.].v", "$.c[k='it\\'s'].v", "$.c[k=true].v");
  }

  @Test
  void aKeySpelledTwoWaysIsWrittenAsItsFirstLegacyItemSpellsIt() {
    CompareConfig rules = new CompareConfig(STRICT, List.of(), List.of(), Map.of("$.c", "k"), Map.of());
    String legacy = "{'c':[{'k':1,'v':1},{'k':1.0,'v':2},{'k':2,'v':3}]}";
    assertThat(compare(rules, legacy, "{'c':[{'k':2,'v':3},{'k':1.0,'v':9},{'k':1,'v':1}]}"))
        .containsExactly(diff("$.c[k=1].v", CHANGED, "2", "9"));
    assertThat(compare(rules, legacy, "{'c':[{'k':2,'v':3},{'k':1.0,'v':2},{'k':1,'v':8}]}"))
        .containsExactly(diff("$.c[k=1].v", CHANGED, "1", "8"));
    assertThat(compare(rules, legacy, "{'c':[{'k':2,'v':4},{'k':1.0,'v':2},{'k':1,'v':1}]}"))
        .containsExactly(diff("$.c[k=2].v", CHANGED, "3", "4"));
  }

  @Test
  void aLargeGroupSharingAKeyPairsWithinItsGroup() {
    StringBuilder legacy = new StringBuilder("{'comments':[");
    StringBuilder fresh = new StringBuilder("{'comments':[");
    for (int i = 0; i < 12; i++) {
      legacy.append(i == 0 ? "" : ",").append("{'author':'ada','t':").append(i).append('}');
      fresh.append(i == 0 ? "" : ",").append("{'author':'ada','t':").append(i == 3 ? 30 : 11 - i == 3 ? 3 : 11 - i).append('}');
    }
    legacy.append(",{'author':'bob','t':0}]}");
    fresh.append(",{'author':'bob','t':0}]}");
    assertThat(compare(keyedByAuthor(STRICT), legacy.toString(), fresh.toString()))
        .containsExactly(diff("$.comments[author=ada].t", CHANGED, "8", "30"));
  }

  @Test
  void zeroAndMinusZeroAreOneKey() throws JsonSyntaxException {
    CoreComparator keyed = new CoreComparator(new CompareConfig(STRICT, List.of(), List.of(), Map.of("$.c", "k"), Map.of()));
    assertThat(keyed.compare(utf8("{\"c\":[{\"k\":0,\"v\":1},{\"k\":10,\"v\":1}]}"), utf8("{\"c\":[{\"k\":10,\"v\":1},{\"k\":-0,\"v\":2}]}")))
        .containsExactly(diff("$.c[k=0].v", CHANGED, "1", "2"));
    assertThat(keyed.compare(utf8("{\"c\":[{\"k\":-0,\"v\":1},{\"k\":10,\"v\":1}]}"), utf8("{\"c\":[{\"k\":10,\"v\":1},{\"k\":0,\"v\":2}]}")))
        .containsExactly(diff("$.c[k=0].v", CHANGED, "1", "2"));
    assertThat(keyed.compare(utf8("{\"c\":[{\"k\":1,\"v\":1},{\"k\":10,\"v\":1}]}"), utf8("{\"c\":[{\"k\":10,\"v\":1},{\"k\":-1,\"v\":1}]}")))
        .extracting(Diff::path).containsExactly("$.c[k=1]", "$.c[k=-1]");
  }

  private static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keyedArraysNestedInKeyedItemsGroupTheirOwnItems() {
    CompareConfig rules = new CompareConfig(STRICT, List.of(), List.of(),
        Map.of("$.posts", "id", "$.posts[*].comments", "author"), Map.of());
    String legacy = "{'posts':[{'id':1,'comments':[{'author':'ada','t':'x'},{'author':'bob','t':'y'}]},"
        + "{'id':2,'comments':[{'author':'ada','t':'p'},{'author':'cy','t':'q'}]}]}";
    String fresh = "{'posts':[{'id':2,'comments':[{'author':'cy','t':'q'},{'author':'ada','t':'P'}]},"
        + "{'id':1,'comments':[{'author':'bob','t':'y'},{'author':'ada','t':'x'}]}]}";
    assertThat(compare(rules, legacy, fresh))
        .containsExactly(diff("$.posts[id=2].comments[author=ada].t", CHANGED, "'p'", "'P'"));
    assertThat(compare(rules, legacy, legacy)).isEmpty();
    assertThat(compare(keyedByAuthor(STRICT), "{'comments':[{'author':'ada','t':'x'}]}", "{'comments':[{'author':'bo','t':'x'}]}"))
        .containsExactly(
            diff("$.comments[author=ada]", MISSING, "{'author':'ada','t':'x'}", null),
            diff("$.comments[author=bo]", UNEXPECTED, null, "{'author':'bo','t':'x'}"));
  }

  @Test
  void itemsWithoutTheKeyFieldAreComparedByIndex() {
    String legacy = "{'comments':[{'author':'ada'},{'anon':1},'note']}";
    String fresh = "{'comments':['note',{'anon':2},{'author':'ada'}]}";
    assertThat(compare(keyedByAuthor(STRICT), legacy, fresh))
        .containsExactly(diff("$.comments[1].anon", CHANGED, "1", "2"));
  }

  @Test
  void toleranceAllowsSmallNumericDifferences() {
    CompareConfig rules = new CompareConfig(STRICT, List.of(), List.of(), Map.of(),
        Map.of("$.total", 0.005, "$.items[*].price", 0.5));
    assertThat(compare(rules, "{'total':10.0,'items':[{'price':1}]}", "{'total':10.004,'items':[{'price':1.4}]}")).isEmpty();
    assertThat(compare(rules, "{'total':10.0,'other':1.0}", "{'total':10.01,'other':1.001}")).containsExactly(
        diff("$.total", CHANGED, "10.0", "10.01"),
        diff("$.other", CHANGED, "1.0", "1.001"));
  }

  @Test
  void toleranceAppliesInsideUnorderedArrays() {
    CompareConfig rules = new CompareConfig(LENIENT, List.of(), List.of(), Map.of(), Map.of("$.items[*].price", 0.01));
    assertThat(compare(rules,
        "{'items':[{'sku':'a','price':1.0},{'sku':'b','price':2.0}]}",
        "{'items':[{'sku':'b','price':2.001},{'sku':'a','price':0.999}]}")).isEmpty();
    assertThat(compare(rules,
        "{'items':[{'sku':'a','price':1.0},{'sku':'b','price':2.0}]}",
        "{'items':[{'sku':'b','price':2.001},{'sku':'a','price':1.5}]}"))
        .containsExactly(diff("$.items[0].price", CHANGED, "1.0", "1.5"));
  }

  @Test
  void absentDocuments() {
    CoreComparator comparator = new CoreComparator(Docs.mode(STRICT));
    assertThat(comparator.compare((dev.strangler.json.TapeValue) null, null)).isEmpty();
    assertThat(comparator.compare(json("{'a':1}"), null)).containsExactly(diff("$", MISSING, "{'a':1}", null));
    assertThat(comparator.compare(null, json("[1]"))).containsExactly(diff("$", UNEXPECTED, null, "[1]"));
  }

  @Test
  void badRulePathsAreRefusedWithTheReason() {
    for (String bad : List.of("a.b", "$..a", "$.a[0]", "$.a[", "$a", "$.a['b'")) {
      CompareConfig rules = new CompareConfig(STRICT, List.of(bad), List.of(), Map.of(), Map.of());
      assertThatThrownBy(() -> new CoreComparator(rules))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
  }

  @Test
  void quotedRuleNamesMatchOddFields() {
    CompareConfig rules = new CompareConfig(STRICT, List.of("$['a.b'].x", "$[\"c d\"]"), List.of(), Map.of(), Map.of());
    assertThat(compare(rules, "{'a.b':{'x':1,'y':1},'c d':1}", "{'a.b':{'x':2,'y':1},'c d':2}")).isEmpty();
  }
}
