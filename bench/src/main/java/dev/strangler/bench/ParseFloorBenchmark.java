package dev.strangler.bench;

import dev.strangler.compare.Diff;
import dev.strangler.json.Json;
import dev.strangler.json.JsonSyntaxException;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * How far from-text comparison could go without a faster scanner: {@link #validateOneThenCompare}
 * checks only the legacy document ({@link Json#validate}, no tape) and then compares the two
 * ready tapes, as if the new document and both tapes came for free. Every design that still reads
 * one document with this parser's per-byte checks costs at least that much, so its ratio to
 * JSONAssert's from-text figure bounds what any such design can reach. Inherits the cells and the
 * other methods of {@link CompareBenchmark}; run with
 * {@code bench/compare.sh 'ParseFloorBenchmark.(validateOneThenCompare|oursFromText|jsonAssertFromText)$'}.
 */
public class ParseFloorBenchmark extends CompareBenchmark {

  @Benchmark
  public List<Diff> validateOneThenCompare() throws JsonSyntaxException {
    Json.validate(legacyBytes);
    return ours.compare(legacyTape, freshTape);
  }
}
