package dev.strangler.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The hop-by-hop header rule (RFC 9110 §7.6.1), one copy for the edge and for replay: the fixed
 * fields, plus every field a {@code Connection} header names. A proxy never drops framing it must
 * keep this way: {@code Content-Length} and {@code Host} named in {@code Connection} stay.
 */
public final class HopByHop {
  /** The fixed hop-by-hop fields, in lower case. */
  public static final Set<String> FIXED = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
  private static final Set<String> KEPT = Set.of("content-length", "host");

  private HopByHop() {}

  /** Whether a field is one of the fixed hop-by-hop fields (any case). */
  public static boolean isFixed(String name) {
    return FIXED.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The field names listed in the given {@code Connection} values, in lower case, in order. */
  public static List<String> connectionTokens(Iterable<String> connectionValues) {
    List<String> out = new ArrayList<>(2);
    for (String v : connectionValues) {
      for (String t : v.split(",")) {
        String name = t.trim();
        if (!name.isEmpty()) {
          out.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  /**
   * The fields a hop removes given these {@code Connection} values: the fixed ones and those the
   * values name, less the framing fields a proxy keeps. Lower case.
   */
  public static Set<String> removedWith(Iterable<String> connectionValues) {
    List<String> named = connectionTokens(connectionValues);
    if (named.isEmpty()) {
      return FIXED;
    }
    var out = new java.util.HashSet<>(FIXED);
    for (String n : named) {
      if (!KEPT.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }
}
