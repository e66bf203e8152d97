package dev.strangler.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.compare.Diff;
import dev.strangler.compare.DiffKind;
import dev.strangler.routing.Side;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The JSON form of a {@link DiscrepancyRecord}: one line, also the JSONL export line.
 *
 * <pre>
 * {"v":1,"id":..,"at":"2026-11-25T10:00:00.123Z","route":..,"method":..,"path":..,"query":..,
 *  "request_id":..,"served_by":"legacy","outcome":"diff",
 *  "legacy":{"status":200,"latency_ms":12.3,"core":{..}},"new":{..},
 *  "diffs":[{"path":"$.price","kind":"changed","legacy":12.5,"new":12.49}],
 *  "fingerprint":"post-read:3f9a..","reason":..}
 * </pre>
 *
 * <p>{@code reason}, a side's {@code error} and {@code core}, and a diff's {@code legacy} or
 * {@code new} are left out when absent (a present JSON null is written as null); a side that
 * was not asked is {@code null}. Every other key is always written.
 */
public final class RecordJson {
  /** The record format version. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = JsonLine.MAPPER;

  private RecordJson() {}

  /** The record as one line of JSON. */
  public static String write(DiscrepancyRecord r) {
    return tree(r).toString();
  }

  /** The record as a JSON tree. */
  public static ObjectNode tree(DiscrepancyRecord r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("v", VERSION);
    o.put("id", r.id());
    o.put("at", JsonLine.instant(r.at()));
    o.put("route", r.route());
    o.put("method", r.method());
    o.put("path", r.path());
    o.put("query", r.query());
    o.put("request_id", r.requestId());
    o.put("served_by", r.servedBy() == null ? null : r.servedBy().id());
    o.put("outcome", r.outcome().id());
    o.set("legacy", side(r.legacy()));
    o.set("new", side(r.fresh()));
    ArrayNode diffs = o.putArray("diffs");
    for (Diff d : r.diffs()) {
      ObjectNode diff = diffs.addObject();
      diff.put("path", d.path());
      diff.put("kind", d.kind().id());
      putIfPresent(diff, "legacy", d.legacy());
      putIfPresent(diff, "new", d.fresh());
    }
    o.put("fingerprint", r.fingerprint());
    if (r.reason() != null) {
      o.put("reason", r.reason());
    }
    return o;
  }

  private static JsonNode side(SideResult s) {
    if (s == null) {
      return MAPPER.nullNode();
    }
    ObjectNode o = MAPPER.createObjectNode();
    o.put("status", s.status());
    o.put("latency_ms", s.latencyMs());
    putIfPresent(o, "core", s.core());
    if (s.error() != null) {
      o.put("error", s.error());
    }
    return o;
  }

  private static void putIfPresent(ObjectNode o, String key, JsonNode value) {
    if (value != null) {
      o.set(key, value);
    }
  }

  /**
   * Reads one line written by {@link #write}.
   *
   * @throws IllegalArgumentException when the line is not such a record, saying why
   */
  public static DiscrepancyRecord read(String line) {
    JsonNode o = JsonLine.object(line);
    return read(o);
  }

  /** Reads a tree made by {@link #tree}. */
  public static DiscrepancyRecord read(JsonNode o) {
    int v = o.path("v").asInt(-1);
    if (v != VERSION) {
      throw new IllegalArgumentException("unsupported record version " + o.path("v")
          + "; expected " + VERSION);
    }
    return new DiscrepancyRecord(
        required(o, "id"),
        parse(o, "at", Instant::parse),
        required(o, "route"),
        text(o, "method"),
        text(o, "path"),
        text(o, "query"),
        text(o, "request_id"),
        o.hasNonNull("served_by") ? parse(o, "served_by", t -> Side.parse(t).orElseThrow()) : null,
        parse(o, "outcome", t -> Outcome.parse(t).orElseThrow()),
        side(o.get("legacy"), "legacy"),
        side(o.get("new"), "new"),
        diffs(o.get("diffs")),
        required(o, "fingerprint"),
        text(o, "reason"));
  }

  private static SideResult side(JsonNode s, String key) {
    if (s == null || s.isNull()) {
      return null;
    }
    if (!s.isObject()) {
      throw new IllegalArgumentException("'" + key + "' must be an object or null");
    }
    return new SideResult(
        s.hasNonNull("status") ? s.get("status").asInt() : null,
        s.hasNonNull("latency_ms") ? s.get("latency_ms").asDouble() : null,
        s.get("core"),
        text(s, "error"));
  }

  private static List<Diff> diffs(JsonNode diffs) {
    if (diffs == null || diffs.isNull()) {
      return List.of();
    }
    if (!diffs.isArray()) {
      throw new IllegalArgumentException("'diffs' must be a list");
    }
    List<Diff> out = new ArrayList<>();
    for (JsonNode d : diffs) {
      out.add(new Diff(required(d, "path"), parse(d, "kind", RecordJson::kind),
          d.get("legacy"), d.get("new")));
    }
    return out;
  }

  private static DiffKind kind(String id) {
    return Arrays.stream(DiffKind.values()).filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  private static String text(JsonNode o, String key) {
    JsonNode n = o.get(key);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String required(JsonNode o, String key) {
    String text = text(o, key);
    if (text == null) {
      throw new IllegalArgumentException("missing '" + key + "'");
    }
    return text;
  }

  private static <T> T parse(JsonNode o, String key, Function<String, T> parser) {
    String text = required(o, key);
    try {
      return parser.apply(text);
    } catch (DateTimeParseException | NoSuchElementException e) {
      throw new IllegalArgumentException("'" + key + "' has the unknown value '" + text + "'", e);
    }
  }
}
