package dev.strangler.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strangler.compare.Diff;
import dev.strangler.compare.DiffKind;
import dev.strangler.routing.Side;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Sample records for tests. */
public final class Records {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Records() {}

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A diff record of the given route and time with one changed price. */
  public static DiscrepancyRecord diff(String route, Instant at) {
    List<Diff> diffs = List.of(new Diff("$.price", DiffKind.CHANGED, json("12.5"), json("12.49")));
    return new DiscrepancyRecord(RecordIds.next(at.toEpochMilli()), at, route, "GET", "/posts/hello",
        "x=1", "req-1", Side.LEGACY, Outcome.DIFF,
        SideResult.ok(200, 12.3, json("{\"price\":12.5}")),
        SideResult.ok(200, 8.1, json("{\"price\":12.49}")),
        diffs, Fingerprints.of(route, diffs), null);
  }

  /** A record with the given fingerprint. */
  public static DiscrepancyRecord withFingerprint(String route, String fingerprint, Instant at) {
    DiscrepancyRecord r = diff(route, at);
    return new DiscrepancyRecord(r.id(), r.at(), r.route(), r.method(), r.path(), r.query(),
        r.requestId(), r.servedBy(), r.outcome(), r.legacy(), r.fresh(), r.diffs(), fingerprint,
        r.reason());
  }
}
