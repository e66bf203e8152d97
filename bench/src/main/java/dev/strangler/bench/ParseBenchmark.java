package dev.strangler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.json.Json;
import dev.strangler.json.JsonSyntaxException;
import dev.strangler.json.Tape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The tape parser ({@link Json#parse}) and its check-only mode ({@link Json#validate}, what a
 * pair of identical bodies costs) against Jackson's {@code readTree} and against a plain byte
 * loop that only finds the quotes (a floor for any parser that looks at every byte), on the
 * legacy document of {@link CompareDocuments}. Run with {@code bench/compare.sh ParseBenchmark}.
 */
public class ParseBenchmark extends JmhSettings {
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
  public void validate() throws JsonSyntaxException {
    Json.validate(bytes);
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
