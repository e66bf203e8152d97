package dev.strangler.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.compare.CoreComparator;
import dev.strangler.compare.Diff;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.CompareMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.json.JSONException;
import org.json.JSONObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.skyscreamer.jsonassert.JSONCompare;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.JSONCompareResult;

/**
 * {@link CoreComparator#compare} against JSONAssert's {@code JSONCompare.compareJSON} on the same
 * document pairs ({@link CompareDocuments}): ~1, ~10 and ~100 KB; equal and differing; comments
 * ordered (strict mode), shuffled without a unique field (lenient; ours also marks the array
 * unordered) and shuffled with unique ids (lenient; ours keyed by id, JSONAssert finds the id
 * itself). Each side is measured from JSON text (ours includes Jackson's parse) and pre-parsed.
 * The setup checks that both give the same verdict. Run with {@code bench/compare.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class CompareBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Param({"1", "10", "100"})
  public int kilobytes;

  @Param({"equal", "differing"})
  public String pair;

  @Param({"ORDERED", "UNORDERED", "KEYED"})
  public ArrayLayout arrays;

  private String legacyText;
  private String freshText;
  private JsonNode legacyTree;
  private JsonNode freshTree;
  private JSONObject legacyJson;
  private JSONObject freshJson;
  private CoreComparator ours;
  private JSONCompareMode theirs;

  @Setup
  public void setUp() throws JsonProcessingException, JSONException {
    CompareDocuments.Pair docs = CompareDocuments.pair(kilobytes * 1024, arrays, pair.equals("differing"));
    legacyText = docs.legacy();
    freshText = docs.fresh();
    legacyTree = MAPPER.readTree(legacyText);
    freshTree = MAPPER.readTree(freshText);
    legacyJson = new JSONObject(legacyText);
    freshJson = new JSONObject(freshText);
    ours = new CoreComparator(rules());
    theirs = arrays == ArrayLayout.ORDERED ? JSONCompareMode.STRICT : JSONCompareMode.LENIENT;
    boolean oursMatch = ours.compare(legacyTree, freshTree).isEmpty();
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
    return ours.compare(legacyTree, freshTree);
  }

  @Benchmark
  public List<Diff> oursFromText() throws JsonProcessingException {
    return ours.compare(MAPPER.readTree(legacyText), MAPPER.readTree(freshText));
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
