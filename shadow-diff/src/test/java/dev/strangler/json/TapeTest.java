package dev.strangler.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TapeTest {

  /** Every entry of a tape, written out: kind, flags, byte range, next entry, count. */
  static List<String> entries(Tape t) {
    List<String> all = new ArrayList<>();
    for (int n = 0; n < t.size(); n++) {
      all.add(t.kind(n) + (t.needsDecoding(n) ? "d" : "") + (t.isFloat(n) ? "f" : "") + " " + t.start(n) + "-" + t.end(n)
          + " >" + t.next(n) + " #" + t.count(n));
    }
    return all;
  }

  /** {@code {"items":[...]} without its closing brace, with an item of over 48 bytes for each id. */
  private static String items(int... ids) {
    String item = "{\"id\":%d,\"text\":\"a fairly long comment text, long enough\",\"tags\":[\"x\",\"y\"]}";
    return Arrays.stream(ids).mapToObj(id -> String.format(item, id))
        .collect(Collectors.joining(",", "{\"items\":[", "]"));
  }

  @Test
  void aParseGuidedByAKnownDocumentGivesThePlainTape() throws JsonSyntaxException {
    String legacy = items(1, 2, 3) + "}";
    String fresh = items(3, 1, 4) + ",\"x\":1}";
    Tape known = Json.parse(legacy);
    assertThat(entries(Json.parse(fresh.getBytes(StandardCharsets.UTF_8), known))).isEqualTo(entries(Json.parse(fresh)));
    assertThat(entries(Json.parse(legacy.getBytes(StandardCharsets.UTF_8), known))).isEqualTo(entries(known));
  }

  @Test
  void aGuidedParseKnowsEveryEntryItTookOverAndFromWhere() throws JsonSyntaxException {
    String legacy = items(1, 2, 3) + "}";
    String fresh = items(3, 1, 4) + ",\"x\":1}";
    Tape known = Json.parse(legacy);
    Tape guided = Json.parse(fresh.getBytes(StandardCharsets.UTF_8), known);
    int[] nodes = IntStream.range(0, guided.size()).toArray();
    int[] twins = new int[nodes.length];
    guided.twinsIn(known, nodes, twins);

    int[] freshItems = guided.items(2);
    int[] legacyItems = known.items(2);
    assertThat(guided.hasTwinsIn(known)).isTrue();
    assertThat(twins[freshItems[0]]).isEqualTo(legacyItems[2]);
    assertThat(twins[freshItems[1]]).isEqualTo(legacyItems[0]);
    for (int n = 0; n < nodes.length; n++) {
      boolean copied = n >= freshItems[0] && n < guided.next(freshItems[1]);
      assertThat(twins[n] >= 0).as("entry %d", n).isEqualTo(copied);
      if (copied) {
        assertThat(known.sameBytes(twins[n], guided, n)).as("entry %d", n).isTrue();
        assertThat(known.kind(twins[n])).isEqualTo(guided.kind(n));
        assertThat(known.next(twins[n]) - twins[n]).isEqualTo(guided.next(n) - n);
      }
    }
    Tape unguided = Json.parse(fresh);
    unguided.twinsIn(known, nodes.clone(), twins);
    assertThat(twins).containsOnly(-1);
    assertThat(unguided.hasTwinsIn(known)).isFalse();
    assertThat(guided.hasTwinsIn(Json.parse(legacy))).as("another tape of the same text").isFalse();
  }

  @Test
  void aParseGuidedByAKnownDocumentGivesThePlainTapeWhereverTheLayoutsPartAndRefusesAsThePlainParse() throws JsonSyntaxException {
    String legacy = "{\"a\":1,\"b\":[[12],[5],{\"k\":[true,null]}],\"c\":{\"d\":\"x\",\"e\":[]},\"f\":[1,2,3]}";
    List<String> fresh = List.of(
        legacy,
        legacy.replace("[1,2,3]", "[1,2,34]"),
        legacy.replace("[true,null]", "[true,null,{\"deep\":[1]}]"),
        legacy.replace("{\"a\":1,", "{\"a\":12,"),
        legacy.replace("[12]", "[123]"),
        legacy.replace("[[12]", "[[0],[12]"),
        legacy.replace("[12],", ""),
        "{\"a\":1,\"b\":{\"k\":[[12],[5]]},\"c\":[{\"d\":\"x\",\"e\":[]}],\"f\":[1,2,3]}",
        "{\"a\":[[12]],\"b\":7,\"c\":{\"d\":\"x\",\"e\":[1]},\"f\":[1,2,3,[4],{\"g\":[]}]}",
        "{\"z\":0," + legacy.substring(1, legacy.length() - 1) + ",\"h\":{\"i\":[[12]]}}",
        "{\"f\":[1,2,3],\"c\":{\"d\":\"x\",\"e\":[]},\"b\":[[12],[5],{\"k\":[true,null]}],\"a\":1}",
        "[{\"a\":1,\"b\":[[12],[5],{\"k\":[true,null]}]},[[12],[5]],{\"d\":\"x\",\"e\":[]}]",
        "{}");
    Tape known = Json.parse(legacy);
    for (String text : fresh) {
      assertThat(entries(Json.parse(text.getBytes(StandardCharsets.UTF_8), known))).as(text).isEqualTo(entries(Json.parse(text)));
    }
    for (String broken : List.of(legacy.substring(0, legacy.length() - 1), legacy.replace("[5]", "[5,]"), legacy.replace("[12]", "[12"))) {
      String plain = refusal(broken, null);
      assertThat(plain).as(broken).isNotNull();
      assertThat(refusal(broken, known)).as(broken).isEqualTo(plain);
    }
  }

  private static String refusal(String text, Tape like) {
    try {
      Json.parse(text.getBytes(StandardCharsets.UTF_8), like);
      return null;
    } catch (JsonSyntaxException e) {
      return e.getMessage();
    }
  }

  @Test
  void entriesHoldKindsRangesAndSubtreeEnds() throws JsonSyntaxException {
    String text = "{\"a\":[1,\"x\"],\"b\":{}}";
    Tape t = Json.parse(text);
    assertThat(t.size()).isEqualTo(7);
    assertThat(t.kind(0)).isEqualTo(Tape.OBJECT);
    assertThat(t.count(0)).isEqualTo(2);
    assertThat(t.text(1)).isEqualTo("a");
    assertThat(t.kind(2)).isEqualTo(Tape.ARRAY);
    assertThat(t.next(2)).isEqualTo(5);
    assertThat(t.rawText(2)).isEqualTo("[1,\"x\"]");
    assertThat(t.field(0, "b")).isEqualTo(6);
    assertThat(t.item(2, 1)).isEqualTo(4);
    assertThat(t.item(2, 2)).isEqualTo(-1);
  }

  @Test
  void numbersReadAsJacksonReadsThem() throws JsonSyntaxException {
    Tape t = Json.parse("[1, -0, 12345678901234567890, 2.5, 1e400, 0.1]");
    assertThat(t.number(1)).isEqualTo(1L);
    assertThat(t.number(2)).isEqualTo(0L);
    assertThat(t.number(3)).isEqualTo(new BigInteger("12345678901234567890"));
    assertThat(t.number(4)).isEqualTo(2.5);
    assertThat(t.number(5)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(t.number(6)).isEqualTo(0.1);
  }

  @Test
  void escapedStringsAreDecodedAndFlagged() throws JsonSyntaxException {
    Tape t = Json.parse("[\"a\\u00e9\\ud83d\\ude00\\/\", \"plain é\"]");
    assertThat(t.text(1)).isEqualTo("aé😀/");
    assertThat(t.needsDecoding(1)).isTrue();
    assertThat(t.needsDecoding(2)).isFalse();
    assertThat(t.textHash(1)).isEqualTo(Json.parse("\"aé😀/\"").textHash(0));
  }

  @Test
  void errorsSayWhereWithLineAndColumn() {
    assertThatThrownBy(() -> Json.parse("{\n  \"a\": tru\n}"))
        .isInstanceOfSatisfying(JsonSyntaxException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(8);
          assertThat(e.getMessage()).startsWith("Unrecognized token").endsWith(" at 2:8");
        });
    assertThatThrownBy(() -> Json.parse("[1,\n2,]"))
        .isInstanceOfSatisfying(JsonSyntaxException.class, e -> assertThat(e.getMessage()).endsWith(" at 2:3"));
    assertThatThrownBy(() -> Json.parse("\"tab\there\""))
        .isInstanceOfSatisfying(JsonSyntaxException.class, e -> assertThat(e.column()).isEqualTo(5));
    assertThatThrownBy(() -> Json.parse("{\"a\":1} x"))
        .isInstanceOfSatisfying(JsonSyntaxException.class, e -> assertThat(e.getMessage()).contains("trailing").endsWith(" at 1:9"));
  }

  @Test
  void repeatedNamesAreResolvedAsJacksonsTreeDoes() throws JsonSyntaxException {
    Tape t = Json.parse("{\"a\":1,\"b\":2,\"a\":3}");
    assertThat(t.count(0)).isEqualTo(2);
    assertThat(t.text(1)).isEqualTo("a");
    assertThat(t.number(t.field(0, "a"))).isEqualTo(3L);
  }

  @Test
  void sameBytesAndSamplesTellValuesApartByEveryByte() throws JsonSyntaxException {
    List<String> values = new ArrayList<>();
    for (int length = 0; length <= 20; length++) {
      String base = "abcdefghijklmnopqrstu".substring(0, length);
      values.add("\"" + base + "\"");
      for (int at = 0; at < length; at++) {
        values.add("\"" + base.substring(0, at) + 'Z' + base.substring(at + 1) + "\"");
      }
    }
    values.addAll(List.of("1", "2", "12", "13", "-1", "1.0", "1.5", "1234567", "1234568", "12345678", "12345679",
        "123456789", "123456780", "true", "null", "[]", "{}", "[1]", "[2]"));
    Tape a = Json.parse("[" + String.join(",", values) + "]");
    Tape b = Json.parse("[0," + String.join(" ,", values) + "]");
    for (int i = 0; i < values.size(); i++) {
      for (int j = 0; j < values.size(); j++) {
        int n = a.item(0, i);
        int m = b.item(0, j + 1);
        assertThat(a.sameBytes(n, b, m)).as(values.get(i) + " vs " + values.get(j)).isEqualTo(i == j || values.get(i).equals(values.get(j)));
        if (a.sameBytes(n, b, m)) {
          assertThat(a.byteSample(n)).isEqualTo(b.byteSample(m));
        }
      }
    }
    Tape last = Json.parse("\"ab\"");
    Tape other = Json.parse("\"ab\"");
    assertThat(last.sameBytes(0, other, 0)).isTrue();
    assertThat(last.sameBytes(0, Json.parse("\"ac\""), 0)).isFalse();
  }
}
