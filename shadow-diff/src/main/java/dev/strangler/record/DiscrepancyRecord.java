package dev.strangler.record;

import dev.strangler.compare.Diff;
import dev.strangler.routing.Side;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The judgement of one mirrored exchange (see the product contract's discrepancy record); its
 * JSON form is written and read by {@link RecordJson}. Times have millisecond precision.
 *
 * @param id          time-ordered id ({@link RecordIds})
 * @param at          when the exchange happened
 * @param route       route id
 * @param method      request method
 * @param path        request path
 * @param query       raw query string without '?', masked; null when there is none
 * @param requestId   the X-Request-Id of the exchange
 * @param servedBy    the side that served the client
 * @param outcome     the outcome
 * @param legacy      what the legacy side answered; null when it was not asked
 * @param fresh       what the new side answered (JSON key {@code new}); null when not asked
 * @param diffs       the differences, empty unless the outcome is diff
 * @param fingerprint groups records of the same bug ({@link Fingerprints})
 * @param reason      why, for outcomes other than match and diff; null otherwise
 */
public record DiscrepancyRecord(
    String id,
    Instant at,
    String route,
    String method,
    String path,
    String query,
    String requestId,
    Side servedBy,
    Outcome outcome,
    SideResult legacy,
    SideResult fresh,
    List<Diff> diffs,
    String fingerprint,
    String reason) {

  public DiscrepancyRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(fingerprint, "fingerprint");
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    diffs = diffs == null ? List.of() : List.copyOf(diffs);
  }

  /** The result of the given side. */
  public SideResult side(Side side) {
    return side == Side.LEGACY ? legacy : fresh;
  }
}
