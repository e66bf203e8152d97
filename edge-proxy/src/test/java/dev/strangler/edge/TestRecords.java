package dev.strangler.edge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.strangler.compare.Diff;
import dev.strangler.compare.DiffKind;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Outcome;
import dev.strangler.record.RecordIds;
import dev.strangler.record.SideResult;
import dev.strangler.routing.Side;
import dev.strangler.store.DiscrepancyStore;
import dev.strangler.store.GroupDelta;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Discrepancy records for tests, stored the way the edge's writer stores them. */
public final class TestRecords {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TestRecords() {}

  /** A diff record of a changed price; {@code n} tells records apart (path, request id, price). */
  public static DiscrepancyRecord diff(String route, String fingerprint, Instant at, int n) {
    List<Diff> diffs = List.of(
        new Diff("$.price", DiffKind.CHANGED, JSON.numberNode(n + 0.5), JSON.numberNode(n + 0.49)));
    return new DiscrepancyRecord(RecordIds.next(at.toEpochMilli()), at, route, "GET",
        "/posts/p" + n, "x=" + n, "req-" + n, Side.LEGACY, Outcome.DIFF,
        SideResult.ok(200, 12.3, JSON.objectNode().put("price", n + 0.5)),
        SideResult.ok(200, 8.1, JSON.objectNode().put("price", n + 0.49)),
        diffs, fingerprint, null);
  }

  /** Stores records whole, each counted once in its group (the first of a group is its example). */
  public static void store(DiscrepancyStore store, List<DiscrepancyRecord> records) {
    Map<String, GroupDelta> counts = new LinkedHashMap<>();
    for (DiscrepancyRecord r : records) {
      counts.merge(r.fingerprint(), GroupDelta.of(r, true), GroupDelta::plus);
    }
    store.write(records, counts);
  }
}
