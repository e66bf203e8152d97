package dev.strangler.rewrite;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rewrite does with the query: keeps it, drops it, or keeps it with some parameters set
 * (any same-named parameters are replaced; the set ones follow the others, in configured order).
 *
 * @param mode what to do
 * @param set  the parameters to set, for {@link Mode#SET}; values are sent percent-encoded
 */
public record QueryRule(Mode mode, Map<String, String> set) {
  /** The three query modes of routes.yaml. */
  public enum Mode {
    KEEP,
    DROP,
    SET
  }

  /** Keeps the query as received. */
  public static final QueryRule KEEP = new QueryRule(Mode.KEEP, Map.of());

  public QueryRule {
    set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
  }

  /** The rewritten raw query (without '?'), or null for none. */
  String apply(String query) {
    return switch (mode) {
      case KEEP -> query;
      case DROP -> null;
      case SET -> withSet(query);
    };
  }

  private String withSet(String query) {
    List<String> parts = new ArrayList<>();
    if (query != null && !query.isEmpty()) {
      for (String part : query.split("&", -1)) {
        int eq = part.indexOf('=');
        String name = decode(eq < 0 ? part : part.substring(0, eq));
        if (!part.isEmpty() && !set.containsKey(name)) {
          parts.add(part);
        }
      }
    }
    set.forEach((k, v) -> parts.add(encode(k) + "=" + encode(v)));
    return String.join("&", parts);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
