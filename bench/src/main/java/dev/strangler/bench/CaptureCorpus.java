package dev.strangler.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.capture.CaptureJson;
import dev.strangler.capture.CaptureLine;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.routing.Side;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic capture file for replay benchmarks: {@code GET /items/{n}} exchanges served
 * by legacy with a ~1 KB JSON body and mirrored to new, whose answer equals legacy's except on a
 * given percentage of lines (one field changed). Bodies differ per line only in {@code id}.
 *
 * <p>Usage: {@code CaptureCorpus --out FILE.jsonl.gz [--lines 100000] [--diff-percent 3]
 * [--body-out FILE]}; {@code --body-out} writes the legacy body with {@code id} 0, for an
 * upstream that should answer like legacy (compare with {@code $.id} ignored).
 */
public final class CaptureCorpus {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<Map.Entry<String, String>> JSON_HEADERS =
      List.of(Map.entry("Content-Type", "application/json"));
  private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  private CaptureCorpus() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(option(args, "--out", "capture-bench.jsonl.gz"));
    int lines = Integer.parseInt(option(args, "--lines", "100000"));
    double diffPercent = Double.parseDouble(option(args, "--diff-percent", "3"));
    String bodyOut = option(args, "--body-out", null);
    if (bodyOut != null) {
      Files.writeString(Path.of(bodyOut), body(0).toString());
    }
    SplittableRandom random = new SplittableRandom(42);
    int diffs = 0;
    try (BufferedWriter w =
        new BufferedWriter(
            new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out), 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      for (int n = 0; n < lines; n++) {
        boolean diff = random.nextDouble() * 100 < diffPercent;
        diffs += diff ? 1 : 0;
        w.write(CaptureJson.write(line(n, diff)));
        w.newLine();
      }
    }
    System.out.printf("wrote %d capture lines (%d with a difference) to %s (%d bytes)%n",
        lines, diffs, out, Files.size(out));
  }

  private static CaptureLine line(int n, boolean diff) {
    ObjectNode legacy = body(n);
    ObjectNode shadow = legacy.deepCopy();
    if (diff) {
      shadow.put("status", "archived");
    }
    return new CaptureLine(
        "bench-" + n,
        START.plusMillis(n * 10L),
        "items",
        Side.LEGACY,
        new CaptureLine.Request("GET", "/items/" + n,
            List.of(Map.entry("Host", "shop.example"), Map.entry("Accept", "application/json")), new byte[0]),
        response(legacy, 12.5),
        new CaptureLine.Shadow(Side.NEW, response(shadow, 8.25), null));
  }

  private static CapturedResponse response(ObjectNode body, double latencyMs) {
    return new CapturedResponse(200, JSON_HEADERS, body.toString().getBytes(StandardCharsets.UTF_8), latencyMs);
  }

  /** A ~1 KB item document: a few scalars, tags and ten order lines. */
  static ObjectNode body(int id) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", id);
    o.put("title", "A reasonably descriptive product title for a benchmark item");
    o.put("status", "active");
    o.put("price", 129.95);
    o.put("currency", "EUR");
    ArrayNode tags = o.putArray("tags");
    List.of("garden", "outdoor", "steel", "sale").forEach(tags::add);
    ArrayNode lines = o.putArray("lines");
    for (int i = 0; i < 10; i++) {
      ObjectNode line = lines.addObject();
      line.put("sku", "SKU-" + (1000 + i));
      line.put("name", "Component number " + i);
      line.put("quantity", i + 1);
      line.put("unitPrice", 9.5 + i);
    }
    o.putObject("seller").put("id", 77).put("name", "Example Trading GmbH").put("country", "DE");
    return o;
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
