package dev.strangler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Outcome;
import dev.strangler.record.Records;
import dev.strangler.routing.Side;
import dev.strangler.routing.Weight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Behaviour every discrepancy store backend must show; subclasses supply fresh databases. */
abstract class DiscrepancyStoreContract {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  /** A JDBC URL of a new, empty database. */
  protected abstract String freshUrl() throws Exception;

  static Instant t(int seconds) {
    return T0.plusSeconds(seconds);
  }

  /** Writes records whole, each counted once in its group. */
  static void writeAll(DiscrepancyStore store, List<DiscrepancyRecord> records) {
    Map<String, GroupDelta> counts = new LinkedHashMap<>();
    for (DiscrepancyRecord r : records) {
      counts.merge(r.fingerprint(), GroupDelta.of(r, true), GroupDelta::plus);
    }
    store.write(records, counts);
  }

  @Test
  void storedRecordsReadBackEqual() throws Exception {
    try (DiscrepancyStore store = DiscrepancyStore.open(freshUrl())) {
      DiscrepancyRecord r = Records.diff("post-read", t(0));
      writeAll(store, List.of(r));

      assertThat(store.find(null, null, null, 10)).containsExactly(r);
      assertThat(store.find("other", null, null, 10)).isEmpty();
    }
  }

  @Test
  void findFiltersByRouteFingerprintAndTimeNewestFirst() throws Exception {
    try (DiscrepancyStore store = DiscrepancyStore.open(freshUrl())) {
      DiscrepancyRecord a1 = Records.withFingerprint("a", "a:1", t(1));
      DiscrepancyRecord a2 = Records.withFingerprint("a", "a:2", t(2));
      DiscrepancyRecord a3 = Records.withFingerprint("a", "a:1", t(3));
      DiscrepancyRecord b4 = Records.withFingerprint("b", "b:1", t(4));
      writeAll(store, List.of(a3, b4, a1, a2));

      assertThat(store.find(null, null, null, 10)).containsExactly(b4, a3, a2, a1);
      assertThat(store.find("a", null, null, 10)).containsExactly(a3, a2, a1);
      assertThat(store.find(null, "a:1", null, 10)).containsExactly(a3, a1);
      assertThat(store.find("a", "a:1", t(2), 10)).containsExactly(a3);
      assertThat(store.find(null, null, t(2), 10)).containsExactly(b4, a3, a2);
      assertThat(store.find(null, null, null, 2)).containsExactly(b4, a3);
      assertThatThrownBy(() -> store.find(null, null, null, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void findPagesBackwardsFromTheRecordBefore() throws Exception {
    try (DiscrepancyStore store = DiscrepancyStore.open(freshUrl())) {
      List<DiscrepancyRecord> records = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        records.add(Records.withFingerprint(i % 3 == 0 ? "b" : "a", "f", t(i / 2)));
      }
      Collections.shuffle(records, new Random(3));
      writeAll(store, records);
      List<DiscrepancyRecord> newestFirst = store.find(null, null, null, 10);

      List<DiscrepancyRecord> paged = new ArrayList<>();
      String before = null;
      do {
        List<DiscrepancyRecord> page = store.find(null, null, null, before, 3);
        paged.addAll(page);
        before = page.size() == 3 ? page.get(2).id() : null;
      } while (before != null);

      assertThat(newestFirst).hasSize(7);
      assertThat(paged).containsExactlyElementsOf(newestFirst);
      String third = newestFirst.get(2).id();
      assertThat(store.find("a", null, t(1), third, 10)).containsExactlyElementsOf(
          newestFirst.subList(3, 7).stream()
              .filter(r -> r.route().equals("a") && !r.at().isBefore(t(1))).toList());
      assertThat(store.find(null, null, null, newestFirst.get(6).id(), 10)).isEmpty();
      assertThatThrownBy(() -> store.find(null, null, null, "01NOSUCHRECORD", 10))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("01NOSUCHRECORD");
    }
  }

  @Test
  void groupsAddCountsAndKeepTheFirstExample() throws Exception {
    try (DiscrepancyStore store = DiscrepancyStore.open(freshUrl())) {
      DiscrepancyRecord first = Records.withFingerprint("a", "a:1", t(10));
      DiscrepancyRecord later = Records.withFingerprint("a", "a:1", t(20));
      store.write(List.of(first), Map.of("a:1",
          new GroupDelta("a", Outcome.DIFF, 3, t(10), t(30), first.id())));
      store.write(List.of(later), Map.of("a:1",
          new GroupDelta("a", Outcome.DIFF, 2, t(5), t(25), later.id())));

      FingerprintGroup g = store.groups(null, null, 10).get(0);

      assertThat(g).isEqualTo(new FingerprintGroup("a:1", "a", "diff", 5, t(5), t(30), first));
    }
  }

  @Test
  void groupsAreOrderedByCountAndFiltered() throws Exception {
    try (DiscrepancyStore store = DiscrepancyStore.open(freshUrl())) {
      store.write(List.of(), Map.of(
          "a:1", new GroupDelta("a", Outcome.DIFF, 3, t(0), t(10), null),
          "a:extract_failed:new", new GroupDelta("a", Outcome.EXTRACT_FAILED, 9, t(0), t(100), null),
          "b:1", new GroupDelta("b", Outcome.DIFF, 5, t(0), t(50), null)));

      assertThat(store.groups(null, null, 10)).extracting(FingerprintGroup::fingerprint)
          .containsExactly("a:extract_failed:new", "b:1", "a:1");
      assertThat(store.groups("a", null, 10)).extracting(FingerprintGroup::fingerprint)
          .containsExactly("a:extract_failed:new", "a:1");
      assertThat(store.groups(null, t(50), 10)).extracting(FingerprintGroup::fingerprint)
          .containsExactly("a:extract_failed:new", "b:1");
      assertThat(store.groups(null, null, 1)).extracting(FingerprintGroup::count).containsExactly(9L);
      FingerprintGroup failed = store.groups("a", null, 1).get(0);
      assertThat(failed.outcome()).isEqualTo("extract_failed");
      assertThat(failed.example()).isNull();
    }
  }

  @Test
  void groupsCountPerHourForTheTrendSampledOutRecordsIncluded() throws Exception {
    Instant h0 = GroupHour.hourOf(Instant.now().minus(GroupHour.HOUR.multipliedBy(3)));
    Instant h1 = h0.plus(GroupHour.HOUR);
    try (DiscrepancyStore store = DiscrepancyStore.open(freshUrl())) {
      writeAll(store, List.of(Records.withFingerprint("a", "a:1", h0.plusSeconds(5)),
          Records.withFingerprint("a", "a:1", h0.plusSeconds(70))));
      DiscrepancyRecord sampledOut = Records.withFingerprint("a", "a:1", h1.plusSeconds(9));
      store.write(List.of(), Map.of("a:1", GroupDelta.of(sampledOut, false).plus(GroupDelta.of(sampledOut, false))));
      writeAll(store, List.of(Records.withFingerprint("a", "a:2", h1.plusSeconds(10)),
          Records.withFingerprint("b", "b:1", h1.plusSeconds(11))));

      assertThat(store.hours("a", h0.plusSeconds(30))).containsExactly(
          new GroupHour("a:1", h0, 2), new GroupHour("a:1", h1, 2), new GroupHour("a:2", h1, 1));
      assertThat(store.hours("a", h1)).hasSize(2);
      assertThat(store.hours("b", h0)).containsExactly(new GroupHour("b:1", h1, 1));
    }
  }

  @Test
  void writingTheSameRecordAgainKeepsOneCopy() throws Exception {
    try (DiscrepancyStore store = DiscrepancyStore.open(freshUrl())) {
      DiscrepancyRecord r = Records.diff("a", t(0));
      writeAll(store, List.of(r));
      writeAll(store, List.of(r));

      assertThat(store.find(null, null, null, 10)).containsExactly(r);
      assertThat(store.groups(null, null, 10).get(0).count()).isEqualTo(2);
    }
  }

  @Test
  void exportStreamsOldestFirstAcrossPages() throws Exception {
    try (DiscrepancyStore store = DiscrepancyStore.open(freshUrl())) {
      List<DiscrepancyRecord> records = new ArrayList<>();
      Random random = new Random(7);
      for (int i = 0; i < 1203; i++) {
        records.add(Records.withFingerprint("r", "r:" + (i % 5), t(random.nextInt(400))));
      }
      Collections.shuffle(records, random);
      writeAll(store, records);

      List<DiscrepancyRecord> all = new ArrayList<>();
      store.export(null, all::add);
      List<DiscrepancyRecord> recent = new ArrayList<>();
      store.export(t(200), recent::add);

      Comparator<DiscrepancyRecord> byTimeThenId =
          Comparator.comparing(DiscrepancyRecord::at).thenComparing(DiscrepancyRecord::id);
      assertThat(all).hasSize(1203).isSortedAccordingTo(byTimeThenId)
          .containsExactlyInAnyOrderElementsOf(records);
      assertThat(recent).isSortedAccordingTo(byTimeThenId)
          .containsExactlyInAnyOrderElementsOf(
              records.stream().filter(r -> !r.at().isBefore(t(200))).toList());
    }
  }

  @Test
  void exportKeepsToOneRoute() throws Exception {
    try (DiscrepancyStore store = DiscrepancyStore.open(freshUrl())) {
      DiscrepancyRecord a1 = Records.diff("a", t(1));
      DiscrepancyRecord b2 = Records.diff("b", t(2));
      DiscrepancyRecord a3 = Records.diff("a", t(3));
      DiscrepancyRecord a4 = Records.diff("a", t(4));
      writeAll(store, List.of(a4, b2, a3, a1));

      List<DiscrepancyRecord> route = new ArrayList<>();
      store.export("a", t(2), route::add);

      assertThat(route).containsExactly(a3, a4);
    }
  }

  @Test
  void sharesTheDatabaseWithTheStateStore() throws Exception {
    String url = freshUrl();
    DiscrepancyRecord r = Records.diff("a", t(0));
    try (StateStore state = StateStore.open(url);
        DiscrepancyStore discrepancies = DiscrepancyStore.open(url)) {
      StateStoreContract.flip(state, "a", Side.NEW, "go", "ops");
      writeAll(discrepancies, List.of(r));
    }
    try (DiscrepancyStore discrepancies = DiscrepancyStore.open(url);
        StateStore state = StateStore.open(url)) {
      assertThat(discrepancies.find(null, null, null, 10)).containsExactly(r);
      assertThat(state.overrides()).isEqualTo(Map.of("a", Weight.NEW));
    }
  }
}
