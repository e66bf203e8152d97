package dev.strangler.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.edge.TestRecords;
import dev.strangler.edge.admin.AdminClient.Reply;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.RecordJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /admin/discrepancies} and its groups over real sockets, on records in real SQLite. */
class DiscrepanciesApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir Path stateDir;
  private AdminHarness edge;

  @BeforeEach
  void start() {
    edge = AdminHarness.start(EdgeConfigFixture.config(stateDir));
  }

  @AfterEach
  void stop() {
    edge.close();
  }

  @Test
  void filtersByRouteFingerprintAndSinceNewestFirst() throws Exception {
    DiscrepancyRecord a1 = TestRecords.diff("post-read", "post-read:1", T0.plusSeconds(1), 1);
    DiscrepancyRecord a2 = TestRecords.diff("post-read", "post-read:2", T0.plusSeconds(2), 2);
    DiscrepancyRecord a3 = TestRecords.diff("post-read", "post-read:1", T0.plusSeconds(3), 3);
    DiscrepancyRecord b4 = TestRecords.diff("everything-else", "everything-else:1", T0.plusSeconds(4), 4);
    TestRecords.store(edge.discrepancies, List.of(a3, b4, a1, a2));

    JsonNode all = ok("/admin/discrepancies");
    assertThat(all.get("discrepancies")).containsExactlyElementsOf(trees(b4, a3, a2, a1));
    assertThat(all.get("next").isNull()).isTrue();
    assertThat(records("/admin/discrepancies?route=post-read")).containsExactly(a3, a2, a1);
    assertThat(records("/admin/discrepancies?fingerprint=post-read:1")).containsExactly(a3, a1);
    assertThat(records("/admin/discrepancies?since=2026-11-20T10:00:02Z")).containsExactly(b4, a3, a2);
    assertThat(records("/admin/discrepancies?route=post-read&fingerprint=post-read:1&since=2026-11-20T10:00:02Z"))
        .containsExactly(a3);
    assertThat(records("/admin/discrepancies?route=&fingerprint=&since=")).containsExactly(b4, a3, a2, a1);
    assertThat(records("/admin/discrepancies?route=no-such-route")).isEmpty();
  }

  @Test
  void sinceCountsDurationsBackFromNow() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    DiscrepancyRecord threeDays = TestRecords.diff("post-read", "f", now.minus(Duration.ofDays(3)), 1);
    DiscrepancyRecord threeHours = TestRecords.diff("post-read", "f", now.minus(Duration.ofHours(3)), 2);
    DiscrepancyRecord tenMinutes = TestRecords.diff("post-read", "f", now.minus(Duration.ofMinutes(10)), 3);
    TestRecords.store(edge.discrepancies, List.of(threeDays, threeHours, tenMinutes));

    assertThat(records("/admin/discrepancies?since=15m")).containsExactly(tenMinutes);
    assertThat(records("/admin/discrepancies?since=1h")).containsExactly(tenMinutes);
    assertThat(records("/admin/discrepancies?since=4h")).containsExactly(tenMinutes, threeHours);
    assertThat(records("/admin/discrepancies?since=1d")).containsExactly(tenMinutes, threeHours);
    assertThat(records("/admin/discrepancies?since=7d")).containsExactly(tenMinutes, threeHours, threeDays);
  }

  @Test
  void pagesThroughNextAndBefore() throws Exception {
    List<DiscrepancyRecord> stored = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // two records per second, so pages also break between records of the same millisecond
      stored.add(TestRecords.diff(i % 3 == 0 ? "everything-else" : "post-read", "f", T0.plusSeconds(i / 2), i));
    }
    TestRecords.store(edge.discrepancies, stored);
    List<DiscrepancyRecord> newestFirst = stored.stream()
        .sorted(Comparator.comparing(DiscrepancyRecord::at).thenComparing(DiscrepancyRecord::id).reversed())
        .toList();

    JsonNode first = ok("/admin/discrepancies?limit=3");
    JsonNode second = ok("/admin/discrepancies?limit=3&before=" + first.get("next").asText());
    JsonNode third = ok("/admin/discrepancies?limit=3&before=" + second.get("next").asText());

    assertThat(read(first)).containsExactlyElementsOf(newestFirst.subList(0, 3));
    assertThat(first.get("next").asText()).isEqualTo(newestFirst.get(2).id());
    assertThat(read(second)).containsExactlyElementsOf(newestFirst.subList(3, 6));
    assertThat(second.get("next").asText()).isEqualTo(newestFirst.get(5).id());
    assertThat(read(third)).containsExactly(newestFirst.get(6));
    assertThat(third.get("next").isNull()).isTrue();

    Predicate<DiscrepancyRecord> postRead = r -> r.route().equals("post-read");
    JsonNode filtered = ok("/admin/discrepancies?route=post-read&limit=2&before=" + newestFirst.get(0).id());
    assertThat(read(filtered)).containsExactlyElementsOf(
        newestFirst.subList(1, 7).stream().filter(postRead).limit(2).toList());
    assertThat(filtered.get("next").asText()).isEqualTo(read(filtered).get(1).id());
  }

  @Test
  void groupsAreOrderedByCountWithTheirFirstRecordAsExample() throws Exception {
    DiscrepancyRecord rare = TestRecords.diff("post-read", "post-read:rare", T0.plusSeconds(1), 1);
    DiscrepancyRecord commonFirst = TestRecords.diff("post-read", "post-read:common", T0.plusSeconds(2), 2);
    DiscrepancyRecord other = TestRecords.diff("everything-else", "everything-else:x", T0.plusSeconds(3), 3);
    List<DiscrepancyRecord> records = new ArrayList<>(List.of(rare, commonFirst, other));
    records.add(TestRecords.diff("everything-else", "everything-else:x", T0.plusSeconds(4), 4));
    for (int i = 5; i < 8; i++) {
      records.add(TestRecords.diff("post-read", "post-read:common", T0.plusSeconds(i), i));
    }
    TestRecords.store(edge.discrepancies, records);

    JsonNode groups = ok("/admin/discrepancies/groups").get("groups");

    assertThat(groups).extracting(g -> g.get("fingerprint").asText())
        .containsExactly("post-read:common", "everything-else:x", "post-read:rare");
    assertThat(groups).extracting(g -> g.get("count").asLong()).containsExactly(4L, 2L, 1L);
    JsonNode common = groups.get(0);
    assertThat(common.get("route").asText()).isEqualTo("post-read");
    assertThat(common.get("outcome").asText()).isEqualTo("diff");
    assertThat(common.get("first_seen").asText()).isEqualTo("2026-11-20T10:00:02.000Z");
    assertThat(common.get("last_seen").asText()).isEqualTo("2026-11-20T10:00:07.000Z");
    assertThat(common.get("example")).isEqualTo(tree(commonFirst));
    assertThat(groups.get(1).get("example")).isEqualTo(tree(other));

    assertThat(ok("/admin/discrepancies/groups?route=post-read").get("groups"))
        .extracting(g -> g.get("fingerprint").asText()).containsExactly("post-read:common", "post-read:rare");
    assertThat(ok("/admin/discrepancies/groups?since=2026-11-20T10:00:05Z").get("groups"))
        .extracting(g -> g.get("fingerprint").asText()).containsExactly("post-read:common");
    assertThat(ok("/admin/discrepancies/groups?limit=2").get("groups")).hasSize(2);
  }

  @Test
  void badParametersAre400NamingTheParameter() throws Exception {
    TestRecords.store(edge.discrepancies, List.of(TestRecords.diff("post-read", "f", T0, 1)));
    List<String[]> cases = List.of(
        new String[] {"/admin/discrepancies?since=yesterday", "since"},
        new String[] {"/admin/discrepancies?since=0m", "since"},
        new String[] {"/admin/discrepancies?since=2026-13-01T00:00:00Z", "since"},
        new String[] {"/admin/discrepancies?limit=0", "limit"},
        new String[] {"/admin/discrepancies?limit=1001", "limit"},
        new String[] {"/admin/discrepancies?limit=ten", "limit"},
        new String[] {"/admin/discrepancies?before=01NOSUCHRECORD", "before"},
        new String[] {"/admin/discrepancies/groups?since=soon", "since"},
        new String[] {"/admin/discrepancies/groups?limit=-1", "limit"});
    for (String[] c : cases) {
      Reply reply = edge.client.get(c[0], edge.bearer());
      assertThat(reply.status()).as(c[0]).isEqualTo(400);
      assertThat(reply.contentType()).as(c[0]).startsWith("application/json");
      assertThat(reply.json().get("error").asText()).as(c[0]).startsWith(c[1] + ": ");
    }
    assertThat(edge.client.get("/admin/discrepancies?limit=1000", edge.bearer()).status()).isEqualTo(200);
  }

  @Test
  void needsTheBearerToken() throws Exception {
    TestRecords.store(edge.discrepancies, List.of(TestRecords.diff("post-read", "f", T0, 1)));
    for (String path : List.of("/admin/discrepancies", "/admin/discrepancies/groups")) {
      Reply none = edge.client.get(path, null);
      assertThat(none.status()).as(path).isEqualTo(401);
      assertThat(none.body()).doesNotContain("post-read");
      assertThat(edge.client.get(path, "Bearer wrong").status()).as(path).isEqualTo(401);
    }
  }

  private JsonNode ok(String path) throws Exception {
    Reply reply = edge.client.get(path, edge.bearer());
    assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    return reply.json();
  }

  private List<DiscrepancyRecord> records(String path) throws Exception {
    return read(ok(path));
  }

  private static List<DiscrepancyRecord> read(JsonNode page) {
    List<DiscrepancyRecord> out = new ArrayList<>();
    page.get("discrepancies").forEach(r -> out.add(RecordJson.read(r)));
    return out;
  }

  private static JsonNode tree(DiscrepancyRecord r) throws Exception {
    return JSON.readTree(RecordJson.write(r));
  }

  private static List<JsonNode> trees(DiscrepancyRecord... records) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (DiscrepancyRecord r : records) {
      out.add(tree(r));
    }
    return out;
  }
}
