package dev.strangler.demo.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five hard invariants of the persist host contract, on real SQLite files. */
class PersistStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  @TempDir Path dir;
  private PersistStore store;

  @BeforeEach
  void open() {
    store = PersistStore.open(dir.resolve("store.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void lastSeqIsAHighWaterMarkThatSurvivesTruncation() {
    appendSeqs("s", 1, 2, 3);
    assertThat(store.lastSeq("s")).isEqualTo(3);
    assertThat(store.lastSeq("never")).isZero();

    store.truncate("s", 3);

    assertThat(store.read("s")).isEmpty();
    assertThat(store.lastSeq("s")).isEqualTo(3);
    store.append("s", event("s", 4));
    assertThat(store.lastSeq("s")).isEqualTo(4);
    assertThat(store.read("s")).extracting(PersistEvent::seq).containsExactly(4L);
  }

  @Test
  void aSeqIsNeverReassignedNorRenumbered() {
    appendSeqs("s", 1, 2, 5);
    store.truncate("s", 5);

    assertThatThrownBy(() -> store.append("s", event("s", 5))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.append("s", event("s", 2))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.append("s", event("other", 6))).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.lastSeq("s")).isEqualTo(5);
    store.append("s", event("s", 9));
    assertThat(store.read("s")).extracting(PersistEvent::seq).containsExactly(9L);
  }

  @Test
  void readReturnsTheSurvivingTailInAppendOrderWithSeqsIntact() {
    appendSeqs("s", 1, 2, 3, 4, 5);
    appendSeqs("t", 1, 2);

    store.truncate("s", 2);

    assertThat(store.read("s")).extracting(PersistEvent::seq).containsExactly(3L, 4L, 5L);
    assertThat(store.read("s").get(0)).isEqualTo(event("s", 3));
    assertThat(store.read("t")).extracting(PersistEvent::seq).containsExactly(1L, 2L);
  }

  @Test
  void streamsSurviveFullCompaction() {
    appendSeqs("b", 1, 2);
    appendSeqs("a", 1);
    store.truncate("a", 100);
    store.truncate("b", 100);
    store.truncate("ghost", 1);

    assertThat(store.read("a")).isEmpty();
    assertThat(store.streams()).containsExactly("a", "b");
  }

  @Test
  void valuesRoundTripStructurally() throws Exception {
    JsonNode value = JSON.readTree(
        "{\"map\":{\"nested\":{\"list\":[1,-2,3.5,\"x\",null,true,false,[],{}]}},"
            + "\"big\":9007199254740993,\"int\":42,\"neg\":-0.125,\"str\":\"h\\u00e9llo \\\"q\\\" \\n\","
            + "\"nil\":null,\"yes\":true,\"no\":false,\"empty\":\"\"}");

    store.kvPut("k", value);
    store.append("s", new PersistEvent("s", 1, "typed", AT, value));
    store.kvPut("list", JSON.readTree("[{\"a\":[null]},0,\"\"]"));
    store.kvPut("scalar", JSON.readTree("7"));
    store.kvPut("null", null);

    assertThat(store.kvGet("k")).contains(value);
    assertThat(store.read("s").get(0).data()).isEqualTo(value);
    assertThat(store.kvGet("list")).contains(JSON.readTree("[{\"a\":[null]},0,\"\"]"));
    assertThat(store.kvGet("scalar")).contains(JSON.readTree("7"));
    assertThat(store.kvGet("null")).contains(NullNode.getInstance());
    assertThat(store.kvHas("null")).isTrue();
  }

  @Test
  void builtTreesComeBackEqualByValue() {
    JsonNode built = JSON.createObjectNode().put("long", 3L).put("int", 3).put("double", 0.5)
        .set("list", JSON.createArrayNode().add(7L).addNull().add(true));

    store.kvPut("built", built);

    JsonNode back = store.kvGet("built").orElseThrow();
    Comparator<JsonNode> byValue = (a, b) -> a.equals(b) || a.isNumber() && b.isNumber()
        && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    assertThat(back.equals(byValue, built)).isTrue();
    assertThat(back.toString()).isEqualTo(built.toString());
  }

  @Test
  void kvOperationsFollowTheContract() throws Exception {
    assertThat(store.kvGet("missing")).isEmpty();
    assertThat(store.kvHas("missing")).isFalse();

    store.kvPut("b", JSON.readTree("1"));
    store.kvPut("a", JSON.readTree("2"));
    store.kvPut("b", JSON.readTree("{\"v\":3}"));

    assertThat(store.kvKeys()).containsExactly("a", "b");
    assertThat(store.kvGet("b")).contains(JSON.readTree("{\"v\":3}"));
    store.kvDelete("a");
    store.kvDelete("never-there");
    assertThat(store.kvHas("a")).isFalse();
    assertThat(store.kvKeys()).containsExactly("b");
  }

  @Test
  void stateSurvivesCloseAndReopenOfTheFile() throws Exception {
    appendSeqs("s", 1, 2, 3);
    store.truncate("s", 1);
    appendSeqs("gone", 1);
    store.truncate("gone", 1);
    store.kvPut("post:x", JSON.readTree("{\"title\":\"kept\",\"n\":[1,2]}"));
    store.close();

    store = PersistStore.open(dir.resolve("store.db"));

    assertThat(store.read("s")).containsExactly(event("s", 2), event("s", 3));
    assertThat(store.lastSeq("s")).isEqualTo(3);
    assertThat(store.lastSeq("gone")).isEqualTo(1);
    assertThat(store.streams()).containsExactly("gone", "s");
    assertThat(store.kvGet("post:x")).contains(JSON.readTree("{\"title\":\"kept\",\"n\":[1,2]}"));
  }

  @Test
  void aFailedTransactionLeavesNoTrace() throws Exception {
    JsonNode one = JSON.readTree("1");
    assertThatThrownBy(() -> store.atomically(() -> {
      store.append("s", event("s", 1));
      store.kvPut("k", one);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(store.streams()).isEmpty();
    assertThat(store.lastSeq("s")).isZero();
    assertThat(store.kvHas("k")).isFalse();
  }

  private void appendSeqs(String stream, long... seqs) {
    for (long seq : seqs) {
      store.append(stream, event(stream, seq));
    }
  }

  private static PersistEvent event(String stream, long seq) {
    return new PersistEvent(stream, seq, "test-event", AT.plusSeconds(seq),
        JSON.createObjectNode().put("n", seq).put("stream", stream));
  }

  @Test
  void inMemoryStoreWorksTheSameWay() {
    try (PersistStore memory = PersistStore.inMemory()) {
      memory.append("m", event("m", 1));
      memory.truncate("m", 1);
      assertThat(memory.lastSeq("m")).isEqualTo(1);
      assertThat(memory.streams()).isEqualTo(List.of("m"));
    }
  }
}
