package dev.strangler.replay.step;

import dev.strangler.compare.CoreComparator;
import dev.strangler.compare.Diff;
import dev.strangler.compare.StatusCheck;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.MaskConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Fingerprints;
import dev.strangler.record.Masker;
import dev.strangler.record.Outcome;
import dev.strangler.record.SideResult;
import dev.strangler.replay.input.Item;
import dev.strangler.replay.input.StoredRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code replay rediff} of discrepancy records. A record keeps the core outputs of both sides
 * but not the raw responses, so only the comparison is redone: the stored cores and statuses
 * are compared again under the route's current {@code compare} rules ({@link CoreComparator},
 * {@link StatusCheck}); a change of the {@code core} extractors needs captures instead. The
 * cores were masked when stored, so masked values compare equal. Records without both cores
 * (extract_failed, shadow_error) keep their outcome; dropped and skipped ones are skipped.
 * The record keeps its id and time and takes the current route id.
 */
public final class StoredRecordStep implements Step {
  private final Masker masker;
  private final Map<CompareConfig, CoreComparator> comparators = new ConcurrentHashMap<>();

  public StoredRecordStep(MaskConfig mask) {
    this.masker = new Masker(mask);
  }

  @Override
  public Verdict apply(Item item, RouteConfig route) {
    DiscrepancyRecord r = ((StoredRecord) item).record();
    if (r.outcome() == Outcome.DROPPED || r.outcome() == Outcome.SKIPPED) {
      return new Verdict.Skipped("stored-" + r.outcome().id());
    }
    if (!comparable(r.legacy()) || !comparable(r.fresh())) {
      String fingerprint = r.fingerprint().startsWith(r.route() + ":")
          ? route.id() + r.fingerprint().substring(r.route().length())
          : r.fingerprint();
      return judged(r, route, r.outcome(), r.diffs(), fingerprint, r.reason());
    }
    List<Diff> core = comparators.computeIfAbsent(route.compare(), CoreComparator::new)
        .compare(r.legacy().core(), r.fresh().core());
    List<Diff> diffs = StatusCheck.withStatus(r.legacy().status(), r.fresh().status(), core);
    return diffs.isEmpty()
        ? judged(r, route, Outcome.MATCH, diffs, route.id() + ":match", null)
        : judged(r, route, Outcome.DIFF, diffs, Fingerprints.of(route.id(), diffs), null);
  }

  private static boolean comparable(SideResult s) {
    return s != null && s.status() != null && s.core() != null && s.error() == null;
  }

  private Verdict judged(DiscrepancyRecord r, RouteConfig route, Outcome outcome, List<Diff> diffs,
      String fingerprint, String reason) {
    return new Verdict.Judged(masker.record(new DiscrepancyRecord(r.id(), r.at(), route.id(), r.method(), r.path(),
        r.query(), r.requestId(), r.servedBy(), outcome, r.legacy(), r.fresh(), diffs, fingerprint, reason)), List.of());
  }
}
