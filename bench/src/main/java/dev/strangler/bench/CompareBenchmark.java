package dev.strangler.bench;

import dev.strangler.compare.CoreComparator;
import dev.strangler.compare.Diff;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.CompareMode;
import dev.strangler.json.Json;
import dev.strangler.json.JsonSyntaxException;
import dev.strangler.json.TapeValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.json.JSONException;
import org.json.JSONObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.skyscreamer.jsonassert.JSONCompare;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.JSONCompareResult;

/**
 * {@link CoreComparator#compare} against JSONAssert's {@code JSONCompare.compareJSON} on the same
 * document pairs ({@link CompareDocuments}): ~1, ~10 and ~100 KB; equal and differing; comments
 * ordered (strict mode), shuffled without a unique field (lenient; ours also marks the array
 * unordered) and shuffled with unique ids (lenient; ours keyed by id, JSONAssert finds the id
 * itself). Each side is measured from JSON text and pre-parsed: ours from both documents' UTF-8
 * bytes (as the edge gets them off the wire: parse both into tapes, then compare) and from two
 * ready tapes; JSONAssert from the two Strings and from two ready {@code JSONObject}s. The setup
 * checks that both give the expected verdict. Run with {@code bench/compare.sh}.
 */
public class CompareBenchmark extends JmhSettings {

  @Param({"1", "10", "100"})
  public int kilobytes;

  @Param({"equal", "differing"})
  public String pair;

  @Param({"ORDERED", "UNORDERED", "KEYED"})
  public ArrayLayout arrays;

  private String legacyText;
  private String freshText;
  byte[] legacyBytes;
  private byte[] freshBytes;
  TapeValue legacyTape;
  TapeValue freshTape;
  private JSONObject legacyJson;
  private JSONObject freshJson;
  CoreComparator ours;
  private JSONCompareMode theirs;

  @Setup
  public void setUp() throws JsonSyntaxException, JSONException {
    CompareDocuments.Pair docs = CompareDocuments.pair(kilobytes * 1024, arrays, pair.equals("differing"));
    legacyText = docs.legacy();
    freshText = docs.fresh();
    legacyBytes = legacyText.getBytes(StandardCharsets.UTF_8);
    freshBytes = freshText.getBytes(StandardCharsets.UTF_8);
    legacyTape = TapeValue.root(Json.parse(legacyBytes));
    freshTape = TapeValue.root(Json.parse(freshBytes));
    legacyJson = new JSONObject(legacyText);
    freshJson = new JSONObject(freshText);
    ours = new CoreComparator(rules());
    theirs = arrays == ArrayLayout.ORDERED ? JSONCompareMode.STRICT : JSONCompareMode.LENIENT;
    boolean oursMatch = oursFromText().isEmpty();
    if (oursMatch != oursPreParsed().isEmpty()) {
      throw new IllegalStateException("ours from text and pre-parsed disagree");
    }
    boolean theirsMatch = JSONCompare.compareJSON(legacyText, freshText, theirs).passed();
    if (oursMatch != theirsMatch || oursMatch != pair.equals("equal")) {
      throw new IllegalStateException("verdicts differ for " + arrays + "/" + pair + "/" + kilobytes
          + " KB: ours " + oursMatch + ", JSONAssert " + theirsMatch);
    }
  }

  private CompareConfig rules() {
    return switch (arrays) {
      case ORDERED -> new CompareConfig(CompareMode.STRICT, List.of(), List.of(), Map.of(), Map.of());
      case UNORDERED -> new CompareConfig(CompareMode.LENIENT, List.of(), List.of("$.comments"), Map.of(), Map.of());
      case KEYED -> new CompareConfig(CompareMode.LENIENT, List.of(), List.of(), Map.of("$.comments", "id"), Map.of());
    };
  }

  @Benchmark
  public List<Diff> oursPreParsed() {
    return ours.compare(legacyTape, freshTape);
  }

  @Benchmark
  public List<Diff> oursFromText() throws JsonSyntaxException {
    return ours.compare(legacyBytes, freshBytes);
  }

  @Benchmark
  public JSONCompareResult jsonAssertPreParsed() throws JSONException {
    return JSONCompare.compareJSON(legacyJson, freshJson, theirs);
  }

  @Benchmark
  public JSONCompareResult jsonAssertFromText() throws JSONException {
    return JSONCompare.compareJSON(legacyText, freshText, theirs);
  }
}
