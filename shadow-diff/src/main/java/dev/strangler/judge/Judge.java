package dev.strangler.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.compare.CoreComparator;
import dev.strangler.compare.Diff;
import dev.strangler.compare.StatusCheck;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.CoreSpec;
import dev.strangler.config.MaskConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.extract.CoreExtractor;
import dev.strangler.extract.Extraction;
import dev.strangler.json.Tape;
import dev.strangler.json.TapeValue;
import dev.strangler.record.DiscrepancyRecord;
import dev.strangler.record.Fingerprints;
import dev.strangler.record.Masker;
import dev.strangler.record.Outcome;
import dev.strangler.record.RecordIds;
import dev.strangler.record.SideResult;
import dev.strangler.routing.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges one observation under its route's rules: extracts each side's core output, compares
 * status and cores legacy → new, and returns the masked discrepancy record with its outcome
 * (match, diff, extract_failed or shadow_error). The one implementation the live edge and the
 * replay tool share. Thread-safe; compiled comparison rules are cached per rule set.
 *
 * <p>Order of judgement: a side without an answer is {@code shadow_error}; a 304 Not Modified from
 * either side is {@code skipped} ({@code not-modified}: a conditional answer carries no core, and
 * validators differ between sides, so a 304 never counts as a diff); differing statuses
 * are a {@code diff} (with core diffs when both cores could be extracted); then a failed
 * extraction of a 2xx answer is {@code extract_failed}; otherwise the core diffs decide. HEAD
 * answers carry no body and are compared on status only; so are equal non-2xx answers whose
 * core cannot be extracted (error pages rarely carry the core island).
 *
 * <p>Cores are compared as tapes over the response bytes. Identical bodies extracted alike are
 * parsed once; when the core is the whole JSON body and the statuses are equal they are only
 * validated, which is a match. Otherwise the new side is parsed with the legacy core as known
 * values. A match is cheap: its record carries only the outcome, route, request and the sides'
 * status and latency (no cores, no query), it is not masked, and no Jackson tree is built for
 * it; the cores of other records are parsed into Jackson trees and masked.
 */
public final class Judge {
  /** Why a pair with a 304 answer is skipped. */
  public static final String NOT_MODIFIED_REASON = "not-modified";
  private static final int NOT_MODIFIED = 304;
  private static final List<String> BODY_HEADERS = List.of("Content-Type", "Content-Encoding");
  private final Masker masker;
  private final Map<CompareConfig, CoreComparator> comparators = new ConcurrentHashMap<>();

  public Judge(MaskConfig mask) {
    this.masker = new Masker(mask);
  }

  /** The masked record of one observation. */
  public DiscrepancyRecord judge(RouteConfig route, Observation o) {
    for (Side side : Side.values()) {
      if (o.error(side) != null) {
        return record(route, o, Outcome.SHADOW_ERROR, List.of(),
            Fingerprints.of(route.id(), Outcome.SHADOW_ERROR, side.id()), side.id() + ": " + o.error(side), Map.of());
      }
    }
    if (o.legacy().status() == NOT_MODIFIED || o.fresh().status() == NOT_MODIFIED) {
      return unmasked(route, o, Outcome.SKIPPED, List.of(),
          Fingerprints.of(route.id(), Outcome.SKIPPED, NOT_MODIFIED_REASON), NOT_MODIFIED_REASON, Map.of(), false);
    }
    boolean statusOnly = "HEAD".equals(o.method());
    Map<Side, Extraction> cores = new EnumMap<>(Side.class);
    CoreSpec legacySpec = statusOnly ? null : route.core().get(Side.LEGACY);
    CoreSpec freshSpec = statusOnly ? null : route.core().get(Side.NEW);
    boolean sameInput = sameInput(legacySpec, freshSpec, o);
    if (sameInput && o.legacy().status() == o.fresh().status() && CoreExtractor.wholeBodyIsJson(legacySpec, o.legacy())) {
      return match(route, o);
    }
    Extraction legacyCore = CoreExtractor.extract(legacySpec, o.legacy());
    cores.put(Side.LEGACY, legacyCore);
    Tape like = legacyCore instanceof Extraction.Ok good ? good.value().tape() : null;
    cores.put(Side.NEW, sameInput ? legacyCore : CoreExtractor.extract(freshSpec, o.fresh(), like));
    Map<Side, TapeValue> ok = new EnumMap<>(Side.class);
    cores.forEach((side, e) -> {
      if (e instanceof Extraction.Ok good) {
        ok.put(side, good.value());
      }
    });
    boolean bothCores = ok.size() == 2;
    List<Diff> coreDiffs = bothCores ? comparator(route).compare(ok.get(Side.LEGACY), ok.get(Side.NEW)) : List.of();
    List<Diff> diffs = StatusCheck.withStatus(o.legacy().status(), o.fresh().status(), coreDiffs);
    boolean statusDiffers = o.legacy().status() != o.fresh().status();
    boolean success = o.legacy().status() >= 200 && o.legacy().status() < 300;
    if (!statusDiffers && !bothCores && success) {
      Side failed = ok.containsKey(Side.LEGACY) ? Side.NEW : Side.LEGACY;
      String why = ((Extraction.Failed) cores.get(failed)).reason();
      return record(route, o, Outcome.EXTRACT_FAILED, List.of(),
          Fingerprints.of(route.id(), Outcome.EXTRACT_FAILED, failed.id()), failed.id() + ": " + why, trees(ok));
    }
    if (diffs.isEmpty()) {
      return match(route, o);
    }
    return record(route, o, Outcome.DIFF, diffs, Fingerprints.of(route.id(), diffs), null, trees(ok));
  }

  /**
   * The response headers judging under {@code route} reads: Content-Type and Content-Encoding,
   * and the header a {@code header} core names. A caller may hand over only these (the judge
   * never looks at others), which spares copying every header of every answer.
   */
  public static List<String> headersRead(RouteConfig route) {
    List<String> names = BODY_HEADERS;
    for (CoreSpec spec : route.core().values()) {
      for (CoreSpec one : spec instanceof CoreSpec.FirstFit list ? list.choices() : List.of(spec)) {
        if (one instanceof CoreSpec.Header h && names.stream().noneMatch(h.name()::equalsIgnoreCase)) {
          names = new ArrayList<>(names);
          names.add(h.name());
        }
      }
    }
    return names;
  }

  private static boolean readsHeader(CoreSpec spec) {
    return spec instanceof CoreSpec.Header
        || (spec instanceof CoreSpec.FirstFit list && list.choices().stream().anyMatch(Judge::readsHeader));
  }

  /** Whether both sides' cores are extracted alike from identical bodies: then once is enough. */
  private static boolean sameInput(CoreSpec legacySpec, CoreSpec freshSpec, Observation o) {
    CapturedResponse a = o.legacy();
    CapturedResponse b = o.fresh();
    return legacySpec != null && !readsHeader(legacySpec) && legacySpec.equals(freshSpec)
        && a != null && b != null && Arrays.equals(a.body(), b.body())
        && a.headerValues("Content-Encoding").equals(b.headerValues("Content-Encoding"))
        && a.header("Content-Type").equals(b.header("Content-Type"));
  }

  private static Map<Side, JsonNode> trees(Map<Side, TapeValue> cores) {
    Map<Side, JsonNode> trees = new EnumMap<>(Side.class);
    cores.forEach((side, core) -> trees.put(side, core.toJsonNode()));
    return trees;
  }

  private static DiscrepancyRecord match(RouteConfig route, Observation o) {
    return unmasked(route, o, Outcome.MATCH, List.of(), route.id() + ":match", null, Map.of(), false);
  }

  private CoreComparator comparator(RouteConfig route) {
    return comparators.computeIfAbsent(route.compare(), CoreComparator::new);
  }

  private DiscrepancyRecord record(RouteConfig route, Observation o, Outcome outcome, List<Diff> diffs,
      String fingerprint, String reason, Map<Side, JsonNode> cores) {
    return masker.record(unmasked(route, o, outcome, diffs, fingerprint, reason, cores, true));
  }

  private static DiscrepancyRecord unmasked(RouteConfig route, Observation o, Outcome outcome, List<Diff> diffs,
      String fingerprint, String reason, Map<Side, JsonNode> cores, boolean withQuery) {
    String uri = o.uri() == null ? "" : o.uri();
    int q = uri.indexOf('?');
    return new DiscrepancyRecord(
        RecordIds.next(o.at().toEpochMilli()), o.at(), route.id(), o.method(),
        q < 0 ? uri : uri.substring(0, q), q < 0 || !withQuery ? null : uri.substring(q + 1),
        o.requestId(), o.servedBy(), outcome,
        side(o, Side.LEGACY, cores), side(o, Side.NEW, cores), diffs, fingerprint, reason);
  }

  private static SideResult side(Observation o, Side side, Map<Side, JsonNode> cores) {
    CapturedResponse r = o.response(side);
    if (r == null) {
      return new SideResult(null, null, null, o.error(side));
    }
    return new SideResult(r.status(), r.latencyMs(), cores.get(side), null);
  }
}
