import java.nio.charset.StandardCharsets;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Whether this JDK can scan JSON with SIMD from Java: finds the quotes, backslashes and
 * structural bytes of a ~10 KB document of blog comments 64 bytes at a time with the incubating
 * Vector API (compare, then the mask as a {@code long}: simdjson's first stage), against a plain
 * byte loop that finds the same bytes, and prints GB/s of each after warm-up. A probe for the
 * question which JDK a SIMD parser needs, not part of the product.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector bench/VectorScanProbe.java}, with the
 * {@code java} of the JDK to probe.
 */
public class VectorScanProbe {
  private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;

  public static void main(String[] args) {
    byte[] json = document(10 * 1024);
    long sink = 0;
    double vector = 0;
    double loop = 0;
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < 20_000; k++) {
        sink += vectorScan(json);
      }
      long t1 = System.nanoTime();
      for (int k = 0; k < 20_000; k++) {
        sink += byteLoop(json, 0);
      }
      long t2 = System.nanoTime();
      vector = 20_000.0 * json.length / (t1 - t0);
      loop = 20_000.0 * json.length / (t2 - t1);
    }
    System.out.printf("%s, %s, %d bytes: vector %.2f GB/s, byte loop %.2f GB/s (%d bytes found by both: %b; %d)%n",
        System.getProperty("java.vm.version"), SPECIES, json.length, vector, loop, byteLoop(json, 0),
        vectorScan(json) == byteLoop(json, 0), sink);
  }

  private static long vectorScan(byte[] b) {
    long found = 0;
    int i = 0;
    for (; i <= b.length - SPECIES.length(); i += SPECIES.length()) {
      ByteVector v = ByteVector.fromArray(SPECIES, b, i);
      long quotes = v.eq((byte) '"').or(v.eq((byte) '\\')).toLong();
      long brackets = v.eq((byte) '{').or(v.eq((byte) '}')).or(v.eq((byte) '[')).or(v.eq((byte) ']')).toLong();
      long separators = v.eq((byte) ',').or(v.eq((byte) ':')).toLong();
      found += Long.bitCount(quotes) + Long.bitCount(brackets | separators);
    }
    return found + byteLoop(b, i);
  }

  private static long byteLoop(byte[] b, int from) {
    long found = 0;
    for (int i = from; i < b.length; i++) {
      byte c = b[i];
      if (c == '"' || c == '\\' || c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':') {
        found++;
      }
    }
    return found;
  }

  private static byte[] document(int size) {
    StringBuilder json = new StringBuilder("{\"id\":4711,\"title\":\"Strangling a monolith\",\"comments\":[");
    for (int i = 0; json.length() < size; i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\":").append(10_000 + i).append(",\"author\":\"reader").append(i % 13)
          .append("\",\"text\":\"Comment number ").append(i % 97).append(": agreed\",\"likes\":").append(i % 5)
          .append(",\"score\":").append(i % 11).append(".5,\"labels\":[\"l").append(i % 3).append("\",\"x\"]}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
