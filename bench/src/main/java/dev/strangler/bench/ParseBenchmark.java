package dev.strangler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.json.Json;
import dev.strangler.json.JsonSyntaxException;
import dev.strangler.json.Tape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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

/**
 * The tape parser ({@link Json#parse}) against Jackson's {@code readTree} and against a plain
 * byte loop that only finds the quotes (a floor for any parser that looks at every byte), on the
 * legacy document of {@link CompareDocuments}. Run with {@code bench/compare.sh ParseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Param({"1", "10", "100"})
  public int kilobytes;

  private byte[] bytes;

  @Setup
  public void setUp() {
    bytes = CompareDocuments.pair(kilobytes * 1024, ArrayLayout.KEYED, false).legacy().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public Tape tape() throws JsonSyntaxException {
    return Json.parse(bytes);
  }

  @Benchmark
  public JsonNode jacksonTree() throws IOException {
    return MAPPER.readTree(bytes);
  }

  @Benchmark
  public int byteLoop() {
    int quotes = 0;
    for (byte b : bytes) {
      if (b == '"') {
        quotes++;
      }
    }
    return quotes;
  }
}
