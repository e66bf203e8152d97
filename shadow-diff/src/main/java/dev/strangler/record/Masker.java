package dev.strangler.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.strangler.compare.Diff;
import dev.strangler.config.JsonPathPattern;
import dev.strangler.config.JsonPathPattern.Step;
import dev.strangler.config.MaskConfig;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Masks secrets before anything reaches a record, a capture or a log: values of secret headers
 * (always Authorization, Cookie, Set-Cookie and Proxy-Authorization, plus the configured ones),
 * of configured query parameters, and of JSON values at configured paths in core outputs, diffs
 * and JSON bodies. A masked value reads {@value #MASK}; JSON nulls stay null. Immutable and thread-safe.
 */
public final class Masker {
  /** What a masked value reads. */
  public static final String MASK = "***";

  private static final Set<String> ALWAYS =
      Set.of("authorization", "cookie", "set-cookie", "proxy-authorization");

  private static final ObjectMapper BODIES = new ObjectMapper();

  private final Set<String> headers;
  private final Set<String> queryParams;
  private final List<JsonPathPattern> paths;

  /**
   * @throws IllegalArgumentException when a JSON path is not a {@link JsonPathPattern}
   */
  public Masker(MaskConfig config) {
    Set<String> h = new HashSet<>(ALWAYS);
    config.headers().forEach(name -> h.add(name.toLowerCase(Locale.ROOT)));
    this.headers = Set.copyOf(h);
    this.queryParams = Set.copyOf(config.queryParams().stream()
        .map(n -> n.toLowerCase(Locale.ROOT)).toList());
    this.paths = config.jsonPaths().stream().map(JsonPathPattern::parse).toList();
  }

  /** Whether a header's value is masked. */
  public boolean isSecretHeader(String name) {
    return headers.contains(name.toLowerCase(Locale.ROOT));
  }

  /** A header value, masked when the header is secret. */
  public String header(String name, String value) {
    return isSecretHeader(name) ? MASK : value;
  }

  /** Headers in the same order, secret values masked. */
  public List<Map.Entry<String, String>> headers(List<Map.Entry<String, String>> in) {
    return in.stream()
        .map(h -> isSecretHeader(h.getKey())
            ? (Map.Entry<String, String>) new AbstractMap.SimpleImmutableEntry<>(h.getKey(), MASK)
            : h)
        .toList();
  }

  /** A raw query string (without '?'), the values of secret parameters masked; null stays null. */
  public String query(String query) {
    if (query == null || queryParams.isEmpty() || query.isEmpty()) {
      return query;
    }
    String[] pairs = query.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      int eq = pairs[i].indexOf('=');
      if (eq >= 0 && queryParams.contains(decode(pairs[i].substring(0, eq)))) {
        pairs[i] = pairs[i].substring(0, eq + 1) + MASK;
      }
    }
    return String.join("&", pairs);
  }

  /** A request target ({@code /path?query}), its query masked. */
  public String uri(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q + 1) + query(uri.substring(q + 1));
  }

  /** A copy of a JSON document with the values at secret paths masked; null stays null. */
  public JsonNode json(JsonNode node) {
    if (node == null || paths.isEmpty()) {
      return node;
    }
    JsonNode copy = node.deepCopy();
    for (JsonPathPattern p : paths) {
      copy = mask(copy, p.steps());
    }
    return copy;
  }

  /**
   * A message body with the values at secret JSON paths masked when its content type is JSON and
   * it parses; any other body is returned as it is (a body that is not JSON has no JSON paths).
   */
  public byte[] body(String contentType, byte[] body) {
    if (paths.isEmpty() || body == null || body.length == 0 || contentType == null || !contentType.contains("json")) {
      return body;
    }
    try {
      return BODIES.writeValueAsBytes(json(BODIES.readTree(body)));
    } catch (IOException e) {
      return body;
    }
  }

  /**
   * A diff with its values masked: wholly when its path is at or below a secret path, inside
   * when a secret path lies below it. A diff path that cannot be parsed is masked wholly.
   */
  public Diff diff(Diff d) {
    if (paths.isEmpty()) {
      return d;
    }
    Optional<JsonPathPattern> concrete = JsonPathPattern.tryParse(d.path());
    if (concrete.isEmpty()) {
      return new Diff(d.path(), d.kind(), maskWhole(d.legacy()), maskWhole(d.fresh()));
    }
    List<Step> at = concrete.get().steps();
    if (paths.stream().anyMatch(p -> p.matchesPrefixOf(at))) {
      return new Diff(d.path(), d.kind(), maskWhole(d.legacy()), maskWhole(d.fresh()));
    }
    JsonNode legacy = d.legacy() == null ? null : d.legacy().deepCopy();
    JsonNode fresh = d.fresh() == null ? null : d.fresh().deepCopy();
    for (JsonPathPattern p : paths) {
      Optional<List<Step>> below = p.remainderBelow(at);
      if (below.isPresent()) {
        legacy = legacy == null ? null : mask(legacy, below.get());
        fresh = fresh == null ? null : mask(fresh, below.get());
      }
    }
    return new Diff(d.path(), d.kind(), legacy, fresh);
  }

  /** A record with its query, core outputs and diff values masked. */
  public DiscrepancyRecord record(DiscrepancyRecord r) {
    return new DiscrepancyRecord(r.id(), r.at(), r.route(), r.method(), r.path(), query(r.query()),
        r.requestId(), r.servedBy(), r.outcome(), side(r.legacy()), side(r.fresh()),
        r.diffs().stream().map(this::diff).toList(), r.fingerprint(), r.reason());
  }

  private SideResult side(SideResult s) {
    return s == null ? null : new SideResult(s.status(), s.latencyMs(), json(s.core()), s.error());
  }

  private static String decode(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return name.toLowerCase(Locale.ROOT);
    }
  }

  private static JsonNode maskWhole(JsonNode value) {
    return value == null || value.isNull() ? value : TextNode.valueOf(MASK);
  }

  /** Masks the values reached by {@code steps} in a mutable tree; returns the (new) root. */
  private static JsonNode mask(JsonNode root, List<Step> steps) {
    if (steps.isEmpty()) {
      return maskWhole(root);
    }
    maskBelow(root, steps, 0);
    return root;
  }

  private static void maskBelow(JsonNode node, List<Step> steps, int i) {
    if (!(node instanceof ContainerNode<?>)) {
      return;
    }
    Step step = steps.get(i);
    boolean last = i == steps.size() - 1;
    if (node instanceof ObjectNode obj) {
      for (Iterator<String> names = obj.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (step.wildcard() || name.equals(step.name())) {
          JsonNode child = obj.get(name);
          if (last) {
            obj.set(name, maskWhole(child));
          } else {
            maskBelow(child, steps, i + 1);
          }
        }
      }
    } else if (node instanceof ArrayNode arr && step.name() == null) {
      for (int k = 0; k < arr.size(); k++) {
        if (step.wildcard() || step.index() == k) {
          if (last) {
            arr.set(k, maskWhole(arr.get(k)));
          } else {
            maskBelow(arr.get(k), steps, i + 1);
          }
        }
      }
    }
  }
}
