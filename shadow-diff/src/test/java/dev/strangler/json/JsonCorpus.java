package dev.strangler.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Inputs for the parser's parity with Jackson: edge cases, random documents and their mutations. */
final class JsonCorpus {
  private static final byte[] INTERESTING = bytes("\"\\{}[]:,0-.eE+ \n\t\ra/u#t1'");
  private static final int[] ODD_BYTES = {0x00, 0x01, 0x08, 0x0B, 0x0C, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC3,
      0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xF7, 0xF8, 0xFE, 0xFF};

  private JsonCorpus() {}

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Hand-picked inputs, valid and invalid. */
  static List<byte[]> edgeCases() {
    List<byte[]> all = new ArrayList<>();
    for (String s : List.of("", " ", "\n\t\r ", "1", "-0", "-0.0E-0", "0", "00", "01", "-01", "-", "+1", "1.", ".5", "1e",
        "1e+", "1E5", "1e-5", "1.5e3x", "[1.e3]", "[1e3.5]", "1x", "[1x]", "1 2", "1]", "[1]]", "{}}", "[", "]", "{",
        "[1,]", "[,1]", "{,}", "{\"a\":1,}", "{\"a\" : 1 , }", "{\"a\"}", "{\"a\" 1}", "{a:1}", "{'a':1}", "['a']",
        "true", "false", "null", "nul", "true1", "[true1]", "[truex]", "tru", "True", "NULL", "NaN", "-Infinity",
        "Infinity", "[1] // c", "/* c */ 1", "# c\n1", "[1]#", "\"\\/\"", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"",
        "\"\\uD800\"", "\"\\uDC00\\uD800\"", "\"\\'\"", "\"a\"\"b\"", "\"a\" \"b\"", "[\"a\" \"b\"]", "{\"a\":1 \"b\":2}",
        "{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":{\"x\":1},\"a\":[2]}", "{\"\\u0061\":1,\"a\":2}", "[{\"k\":1,\"k\":1}]",
        "1e400", "-1e400", "123456789012345678901234567890", "[-9223372036854775808, 9223372036854775808]",
        "\"\\u0000\"", "[\"\\b\\f\\n\\r\\t\\\"\\\\\"]", "{\"\":\"\"}", "[[[]]]", "[{}, [], \"\", 0]", "  [ 1 , 2 ]  ",
        "\"€😀\"", "{\"ключ\":\"значение\"}", "[1,2", "{\"a\":1", "\"abc", "\"abc\\", "[\"\\u00e9\"]")) {
      all.add(bytes(s));
    }
    int[][] raw = {{'"', 0xC0, 0x80, '"'}, {'"', 0xC1, 0x81, '"'}, {'"', 0xED, 0xA0, 0x80, '"'},
        {'"', 0xF4, 0x90, 0x80, 0x80, '"'}, {'"', 0xF5, 0x80, 0x80, 0x80, '"'}, {'"', 0xF8, 0x80, 0x80, 0x80, 0x80, '"'},
        {'"', 0x80, '"'}, {'"', 0xE2, 0x82, '"'}, {'"', 0xE0, 0x80, 0x80, '"'}, {'"', 0xFF, '"'}, {'"', 0xC3, 0x41, '"'},
        {'"', 0x7F, '"'}, {'"', 0x1F, '"'}, {'"', 0x09, '"'}, {0xEF, 0xBB, 0xBF, '1'}, {0xEF, 0xBB, 0xBF},
        {0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, '1'}, {'[', 0xC3, 0xA9, ']'}, {0}, {'1', 0}, {'[', '1', ']', 0},
        {'[', 0, '1', ']'}, {0x0C, '1'}, {'[', 0x0B, '1', ']'}, {'1', ' ', 0x1A}, {0xFE, 0xFF, 0, '1'},
        {'{', '"', 0xC1, 0x81, '"', ':', '1', ',', '"', 'A', '"', ':', '2', '}'},
        {'{', '"', 0xF0, 0x80, 0x80, 0x80, '"', ':', '1', '}'}};
    for (int[] r : raw) {
      byte[] b = new byte[r.length];
      for (int i = 0; i < r.length; i++) {
        b[i] = (byte) r[i];
      }
      all.add(b);
    }
    for (String s : List.of("{\"a\":1}", "[1]", "\"x\"", "[\"é\"]")) {
      all.add(s.getBytes(StandardCharsets.UTF_16BE));
      all.add(s.getBytes(StandardCharsets.UTF_16LE));
      all.add(s.getBytes(StandardCharsets.UTF_16));
      all.add(s.getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
      all.add(s.getBytes(java.nio.charset.Charset.forName("UTF-32LE")));
    }
    for (int n : new int[] {999, 1000, 1001}) {
      all.add(bytes("[".repeat(n) + "]".repeat(n)));
      all.add(bytes("{\"a\":".repeat(n) + "1" + "}".repeat(n)));
      all.add(bytes("1".repeat(n)));
      all.add(bytes("-" + "1".repeat(n)));
      all.add(bytes("0." + "1".repeat(n - 2)));
      all.add(bytes("0." + "1".repeat(n - 1)));
      all.add(bytes("1." + "1".repeat(n - 1)));
      all.add(bytes("-1." + "1".repeat(n - 3) + "e5"));
    }
    for (int n : new int[] {49_999, 50_000, 50_001}) {
      all.add(bytes("{\"" + "k".repeat(n) + "\":1}"));
      all.add(bytes("{\"" + "é".repeat(n / 2) + "\":1}"));
    }
    return all;
  }

  /** A random document of about {@code size} values, with unicode, escapes and odd numbers. */
  static String document(Random r, int size) {
    StringBuilder out = new StringBuilder();
    value(r, out, size, 0);
    return out.toString();
  }

  private static void value(Random r, StringBuilder out, int budget, int depth) {
    int pick = r.nextInt(depth > 6 || budget <= 1 ? 4 : 6);
    switch (pick) {
      case 0 -> string(r, out);
      case 1 -> out.append(number(r));
      case 2 -> out.append(List.of("true", "false", "null").get(r.nextInt(3)));
      case 3 -> string(r, out);
      case 4 -> {
        out.append('[').append(space(r));
        int n = r.nextInt(Math.min(budget, 8) + 1);
        for (int i = 0; i < n; i++) {
          out.append(i > 0 ? "," + space(r) : "");
          value(r, out, budget / Math.max(1, n), depth + 1);
        }
        out.append(space(r)).append(']');
      }
      default -> {
        out.append('{').append(space(r));
        int n = r.nextInt(Math.min(budget, 8) + 1);
        for (int i = 0; i < n; i++) {
          out.append(i > 0 ? "," + space(r) : "");
          string(r, out);
          out.append(space(r)).append(':').append(space(r));
          value(r, out, budget / Math.max(1, n), depth + 1);
        }
        out.append(space(r)).append('}');
      }
    }
  }

  private static String space(Random r) {
    return r.nextInt(4) == 0 ? List.of(" ", "\n", "\t", "\r\n ").get(r.nextInt(4)) : "";
  }

  private static String number(Random r) {
    return List.of("0", "-0", "1", "-12", "3.25", "1e3", "2E-2", "-0.5e+7", "9007199254740993", "1.0",
        "123456789012345678901234", "0.1", "1e400", "42").get(r.nextInt(14));
  }

  private static void string(Random r, StringBuilder out) {
    out.append('"');
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(10)) {
        case 0 -> out.append(List.of("\\n", "\\\"", "\\\\", "\\/", "\\u0041", "\\u00e9", "\\ud83d\\ude00", "\\t").get(r.nextInt(8)));
        case 1 -> out.append(List.of("é", "€", "😀", "ü", "日本").get(r.nextInt(5)));
        case 2 -> out.append("id");
        default -> out.append((char) ('a' + r.nextInt(26)));
      }
    }
    out.append('"');
  }

  /** A copy of {@code doc} with one to three random edits. */
  static byte[] mutate(Random r, byte[] doc) {
    byte[] b = doc;
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = b.length == 0 ? 0 : r.nextInt(b.length);
      switch (r.nextInt(5)) {
        case 0 -> b = splice(b, at, b.length == 0 ? 0 : 1, new byte[0]);
        case 1 -> b = splice(b, at, 0, new byte[] {pick(r)});
        case 2 -> b = splice(b, at, b.length == 0 ? 0 : 1, new byte[] {pick(r)});
        case 3 -> b = Arrays.copyOf(b, at);
        default -> {
          int len = Math.min(b.length - at, 1 + r.nextInt(6));
          b = splice(b, at, 0, Arrays.copyOfRange(b, at, at + len));
        }
      }
    }
    return b;
  }

  private static byte pick(Random r) {
    return r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)] : (byte) ODD_BYTES[r.nextInt(ODD_BYTES.length)];
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }
}
