package dev.strangler.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#parse} and {@link Json#validate} accept exactly what Jackson's default mapper with
 * FAIL_ON_TRAILING_TOKENS accepts, and the parse reads the same tree, over hand-picked edge cases, random documents and
 * 40,000 (or -Dparity.mutants) random mutations of them.
 */
class JsonParityTest {
  static final int MUTANTS = Integer.getInteger("parity.mutants", 40_000);

  @Test
  void edgeCasesAreJudgedAsJacksonJudgesThem() {
    List<String> mismatches = new ArrayList<>();
    for (byte[] input : JsonCorpus.edgeCases()) {
      check(input, mismatches);
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void randomDocumentsAndTheirMutationsAreJudgedAsJacksonJudgesThem() {
    Random random = new Random(20261202);
    List<String> mismatches = new ArrayList<>();
    List<byte[]> documents = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      byte[] doc = JsonCorpus.bytes(JsonCorpus.document(random, 1 + random.nextInt(40)));
      documents.add(doc);
      check(doc, mismatches);
    }
    int accepted = 0;
    for (int i = 0; i < MUTANTS; i++) {
      byte[] original = documents.get(random.nextInt(documents.size()));
      byte[] mutant = JsonCorpus.mutate(random, original);
      if (check(mutant, mismatches)) {
        accepted++;
      }
      checkGuided(mutant, original, mismatches);
    }
    assertThat(mismatches).isEmpty();
    assertThat(accepted).as("mutants still valid").isBetween(MUTANTS / 20, MUTANTS - MUTANTS / 20);
  }

  /** Checks one input (parsed, and validated alone); returns whether Jackson accepts it. */
  private static boolean check(byte[] input, List<String> mismatches) {
    JsonNode expected = jackson(input);
    try {
      Json.validate(input);
      if (expected == null) {
        mismatches.add("validated, Jackson refuses: " + shown(input));
      }
    } catch (JsonSyntaxException e) {
      if (expected != null) {
        mismatches.add("not validated, Jackson accepts: " + shown(input) + " (" + e.getMessage() + ")");
      }
    }
    Tape tape;
    try {
      tape = Json.parse(input);
    } catch (JsonSyntaxException e) {
      if (expected != null) {
        mismatches.add("refused, Jackson accepts: " + shown(input) + " (" + e.getMessage() + ")");
      }
      return expected != null;
    }
    if (expected == null) {
      mismatches.add("accepted, Jackson refuses: " + shown(input));
    } else if (!tree(tape, 0).equals(expected)) {
      mismatches.add("read differently: " + shown(input) + " as " + tree(tape, 0) + " not " + expected);
    }
    return expected != null;
  }

  /** Parsing with the original as known values gives the plain parse's tape, or its refusal. */
  private static void checkGuided(byte[] input, byte[] like, List<String> mismatches) {
    Tape plain;
    Tape guided;
    try {
      plain = Json.parse(input);
    } catch (JsonSyntaxException e) {
      plain = null;
    }
    try {
      guided = Json.parse(input, Json.parse(like));
    } catch (JsonSyntaxException e) {
      guided = null;
    }
    if ((plain == null) != (guided == null) || (plain != null && !TapeTest.entries(plain).equals(TapeTest.entries(guided)))) {
      mismatches.add("guided parse differs: " + shown(input));
    }
  }

  /**
   * Jackson's tree, from a new mapper each time: a shared one remembers field names in a symbol
   * table, and a name it has seen is not checked for invalid UTF-8 again.
   */
  private static JsonNode jackson(byte[] input) {
    try {
      JsonNode n = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(input);
      return n == null || n.isMissingNode() ? null : n;
    } catch (IOException e) {
      return null;
    }
  }

  /** The tree read off the tape entry by entry, with Jackson reading only number literals. */
  static JsonNode tree(Tape t, int n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (t.kind(n)) {
      case Tape.OBJECT -> {
        ObjectNode o = f.objectNode();
        int fields = 0;
        for (int key = n + 1; key < t.next(n); key = t.next(key + 1)) {
          o.set(t.text(key), tree(t, key + 1));
          fields++;
        }
        assertThat(fields).isEqualTo(t.count(n));
        return o;
      }
      case Tape.ARRAY -> {
        ArrayNode a = f.arrayNode();
        for (int item = n + 1; item < t.next(n); item = t.next(item)) {
          a.add(tree(t, item));
        }
        assertThat(a.size()).isEqualTo(t.count(n));
        return a;
      }
      case Tape.STRING -> {
        assertThat(t.toJsonNode(n)).isEqualTo(f.textNode(t.text(n)));
        return f.textNode(t.text(n));
      }
      case Tape.BOOLEAN -> {
        return f.booleanNode(t.isTrue(n));
      }
      case Tape.NULL -> {
        return f.nullNode();
      }
      default -> {
        JsonNode number = t.toJsonNode(n);
        assertThat(number.getClass()).isEqualTo(JacksonBridge.tree(t.rawText(n).getBytes(StandardCharsets.UTF_8), 0,
            t.end(n) - t.start(n)).getClass());
        return number;
      }
    }
  }

  private static String shown(byte[] input) {
    String text = new String(input, StandardCharsets.ISO_8859_1);
    return (text.length() > 80 ? text.substring(0, 80) + "..." : text) + " [" + HexFormat.of().formatHex(input, 0, Math.min(24, input.length)) + "]";
  }
}
