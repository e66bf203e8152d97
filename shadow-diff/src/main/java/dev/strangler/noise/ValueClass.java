package dev.strangler.noise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.compare.Diff;
import dev.strangler.compare.DiffKind;
import dev.strangler.config.JsonPathPattern;
import dev.strangler.record.DiscrepancyRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the two values of one changed diff look like, for suggesting a rule: timestamps near the
 * request time, UUIDs, an echo of the request id ({@code ignore}), numbers within a relative
 * tolerance ({@code tolerance}), or items of arrays that hold the same items in another order
 * ({@code unordered}).
 *
 * @param rule   ignore, tolerance or unordered
 * @param path   the pattern the rule applies to (the diff's shape; for unordered, the array's)
 * @param amount for tolerance, the largest absolute difference seen; 0 otherwise
 */
public record ValueClass(String rule, String path, double amount) {
  /** Timestamps this close to the request time count as "now". */
  static final Duration NEAR = Duration.ofHours(1);
  /** Numbers closer than this share of their magnitude differ only in precision. */
  static final double RELATIVE = 1e-3;
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** The class of a diff of a record, if its values have one. */
  static Optional<ValueClass> of(DiscrepancyRecord r, Diff d) {
    if (d.kind() != DiffKind.CHANGED || d.legacy() == null || d.fresh() == null) {
      return Optional.empty();
    }
    JsonNode a = d.legacy();
    JsonNode b = d.fresh();
    if (echo(a, r.requestId()) || echo(b, r.requestId()) || (uuid(a) && uuid(b))
        || (near(a, r.at()) && near(b, r.at()))) {
      return Optional.of(new ValueClass("ignore", d.shape(), 0));
    }
    if (a.isNumber() && b.isNumber()) {
      double x = a.asDouble();
      double y = b.asDouble();
      double delta = Math.abs(x - y);
      if (delta <= RELATIVE * Math.max(Math.abs(x), Math.abs(y))) {
        return Optional.of(new ValueClass("tolerance", d.shape(), delta));
      }
    }
    return reordered(r, d);
  }

  private static boolean echo(JsonNode v, String requestId) {
    return requestId != null && !requestId.isEmpty() && v.isTextual() && v.textValue().equals(requestId);
  }

  private static boolean uuid(JsonNode v) {
    return v.isTextual() && UUID.matcher(v.textValue()).matches();
  }

  private static boolean near(JsonNode v, Instant at) {
    Instant t = null;
    if (v.isTextual()) {
      try {
        t = OffsetDateTime.parse(v.textValue()).toInstant();
      } catch (DateTimeParseException e) {
        return false;
      }
    } else if (v.canConvertToLong() && v.isIntegralNumber()) {
      long n = v.asLong();
      t = n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }
    return t != null && at != null && Duration.between(t, at).abs().compareTo(NEAR) <= 0;
  }

  /** An item of an array whose two sides hold the same items in another order. */
  private static Optional<ValueClass> reordered(DiscrepancyRecord r, Diff d) {
    int open = d.path().lastIndexOf('[');
    String shape = d.shape();
    int shapeOpen = shape.lastIndexOf("[*]");
    if (open <= 0 || shapeOpen <= 0 || r.legacy() == null || r.fresh() == null) {
      return Optional.empty();
    }
    String arrayPath = d.path().substring(0, open);
    Optional<JsonNode> a = at(r.legacy().core(), arrayPath);
    Optional<JsonNode> b = at(r.fresh().core(), arrayPath);
    if (a.isPresent() && b.isPresent() && a.get().isArray() && b.get().isArray() && sameItems(a.get(), b.get())) {
      return Optional.of(new ValueClass("unordered", shape.substring(0, shapeOpen), 0));
    }
    return Optional.empty();
  }

  private static boolean sameItems(JsonNode a, JsonNode b) {
    if (a.size() != b.size() || a.equals(b)) {
      return false;
    }
    List<String> x = new ArrayList<>();
    a.forEach(n -> x.add(n.toString()));
    List<String> y = new ArrayList<>();
    b.forEach(n -> y.add(n.toString()));
    x.sort(null);
    y.sort(null);
    return x.equals(y);
  }

  /** The node at a concrete path ({@code $.a[2]['b c']}), if there is one. */
  private static Optional<JsonNode> at(JsonNode doc, String path) {
    Optional<JsonPathPattern> p = JsonPathPattern.tryParse(path);
    if (doc == null || p.isEmpty()) {
      return Optional.empty();
    }
    JsonNode n = doc;
    for (JsonPathPattern.Step s : p.get().steps()) {
      n = s.wildcard() ? null : s.name() != null ? n.get(s.name()) : n.get(s.index());
      if (n == null) {
        return Optional.empty();
      }
    }
    return Optional.of(n);
  }
}
