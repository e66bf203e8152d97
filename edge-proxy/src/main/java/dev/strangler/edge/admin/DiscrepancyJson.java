package dev.strangler.edge.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Outcome;
import dev.strangler.record.RecordJson;
import dev.strangler.store.FingerprintGroup;
import java.util.List;

/**
 * The bodies of the discrepancy endpoints. Records are embedded exactly as {@link RecordJson}
 * writes them (the export line format), so they are built as Jackson trees, not serde views.
 */
final class DiscrepancyJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DiscrepancyJson() {}

  /** {@code {"discrepancies": [record, ...], "next": id | null}}. */
  static String page(List<DiscrepancyRecord> records, String next) {
    ObjectNode body = NODES.objectNode();
    ArrayNode list = body.putArray("discrepancies");
    records.forEach(r -> list.add(RecordJson.tree(r)));
    body.put("next", next);
    return body.toString();
  }

  /**
   * {@code {"groups": [{"fingerprint", "route", "outcome", "noise", "count", "first_seen",
   * "last_seen", "example": record | null}, ...]}}; {@code noise} is true for a group of learned
   * noise (outcome {@code noise}, left out of parity).
   */
  static String groups(List<FingerprintGroup> groups) {
    ObjectNode body = NODES.objectNode();
    ArrayNode list = body.putArray("groups");
    for (FingerprintGroup g : groups) {
      ObjectNode group = list.addObject();
      group.put("fingerprint", g.fingerprint());
      group.put("route", g.route());
      group.put("outcome", g.outcome());
      group.put("noise", Outcome.NOISE.id().equals(g.outcome()));
      group.put("count", g.count());
      group.put("first_seen", AdminTimes.format(g.firstSeen()));
      group.put("last_seen", AdminTimes.format(g.lastSeen()));
      group.set("example", g.example() == null ? NODES.nullNode() : RecordJson.tree(g.example()));
    }
    return body.toString();
  }
}
