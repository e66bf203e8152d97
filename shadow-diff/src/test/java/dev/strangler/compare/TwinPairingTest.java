package dev.strangler.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.CompareConfig;
import dev.strangler.config.CompareMode;
import dev.strangler.json.Json;
import dev.strangler.json.JsonSyntaxException;
import dev.strangler.json.Tape;
import dev.strangler.json.TapeValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A keyed array compared from bytes pairs the new items the parse took over from the legacy
 * document through those copies ({@link Tape#twinsIn}) instead of hashing them; the diffs must be
 * exactly those of tapes parsed apart, which pair by hash, also where identical items make the
 * pairing ambiguous.
 */
class TwinPairingTest {
  private static final String LONG = "a text long enough to take the item past the lookup prefix";

  @Test
  void aShuffledKeyedArrayFromBytesGivesTheDiffsOfTapesParsedApart() throws JsonSyntaxException {
    String legacy = doc(item(1, LONG, 1), item(2, LONG, 2), item(3, LONG, 3), item(4, LONG, 4));
    assertSameDiffs(legacy, doc(item(3, LONG, 3), item(1, LONG, 1), item(4, LONG, 4), item(2, LONG, 2)), 0);
    assertSameDiffs(legacy, doc(item(3, LONG, 3), item(1, LONG, 1), item(4, LONG, 9), item(2, LONG, 2)), 1);
  }

  @Test
  void identicalItemsMakeThePairingAmbiguousYetTheDiffsAreThoseOfTapesParsedApart() throws JsonSyntaxException {
    String twice = doc(item(1, LONG, 1), item(1, LONG, 1), item(2, LONG, 2));
    assertSameDiffs(twice, doc(item(2, LONG, 2), item(1, LONG, 1), item(1, LONG, 5)), 1);
    assertSameDiffs(twice, doc(item(1, LONG, 5), item(2, LONG, 2), item(1, LONG, 1)), 1);
    String once = doc(item(1, LONG, 1), item(1, LONG, 7), item(2, LONG, 2));
    assertSameDiffs(once, doc(item(1, LONG, 1), item(2, LONG, 2), item(1, LONG, 1)), 1);
    assertSameDiffs(once, doc(item(1, LONG, 7), item(1, LONG, 7), item(2, LONG, 2)), 1);
  }

  @Test
  void randomKeyedArraysWithRepeatsGiveTheSameDiffsFromBytesAsFromTapesParsedApart() throws JsonSyntaxException {
    Random random = new Random(20261203);
    int pairedByCopies = 0;
    for (int round = 0; round < 3000; round++) {
      List<String> items = new ArrayList<>();
      int n = 1 + random.nextInt(12);
      for (int k = 0; k < n; k++) {
        items.add(randomItem(random));
      }
      List<String> fresh = new ArrayList<>(items);
      Collections.shuffle(fresh, random);
      for (int m = random.nextInt(3); m > 0; m--) {
        int at = random.nextInt(fresh.size());
        switch (random.nextInt(4)) {
          case 0 -> fresh.set(at, randomItem(random));
          case 1 -> fresh.set(at, fresh.get(random.nextInt(fresh.size())));
          case 2 -> fresh.add(at, randomItem(random));
          default -> {
            if (fresh.size() > 1) {
              fresh.remove(at);
            }
          }
        }
      }
      String legacyDoc = doc(items.toArray(String[]::new));
      String freshDoc = doc(fresh.toArray(String[]::new));
      assertSameDiffs(legacyDoc, freshDoc, -1);
      Tape legacyTape = Json.parse(legacyDoc);
      pairedByCopies += Json.parse(utf8(freshDoc), legacyTape).hasTwinsIn(legacyTape) ? 1 : 0;
    }
    assertThat(pairedByCopies).as("pairs whose new document took over legacy items").isGreaterThan(2000);
  }

  private static String randomItem(Random random) {
    int key = random.nextInt(4);
    return random.nextInt(4) == 0
        ? "{\"k\":" + key + "}"
        : item(key, random.nextBoolean() ? LONG : LONG + "!", random.nextInt(3));
  }

  private static String item(int key, String text, int value) {
    return "{\"k\":" + key + ",\"t\":\"" + text + "\",\"v\":" + value + "}";
  }

  private static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String doc(String... items) {
    return "{\"c\":[" + String.join(",", items) + "]}";
  }

  /** Compares from bytes and from tapes parsed apart, under strict and lenient keyed rules; {@code expected} diffs, or -1 for any number. */
  private static void assertSameDiffs(String legacy, String fresh, int expected) throws JsonSyntaxException {
    for (CompareMode mode : List.of(CompareMode.STRICT, CompareMode.LENIENT)) {
      CoreComparator keyed = new CoreComparator(new CompareConfig(mode, List.of(), List.of(), Map.of("$.c", "k"), Map.of()));
      List<Diff> apart = keyed.compare(TapeValue.root(Json.parse(legacy)), TapeValue.root(Json.parse(fresh)));
      List<Diff> fromBytes = keyed.compare(utf8(legacy), utf8(fresh));
      assertThat(fromBytes).as("%s vs %s (%s)", legacy, fresh, mode).isEqualTo(apart);
      if (expected >= 0) {
        assertThat(fromBytes).hasSize(expected);
      }
    }
  }
}
