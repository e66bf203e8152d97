package dev.strangler.edge.routing;

import dev.strangler.config.StickyConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Finds a request's sticky key: the named cookie's value, the named header's value, or the client
 * address when the route keys on it or the request lacks its cookie or header. The key is a
 * secret (often a session cookie): it is only hashed, never logged or kept.
 */
final class StickyKeys {

  private StickyKeys() {}

  static String of(StickyConfig sticky, HttpHeaders headers, String clientAddress) {
    String key = switch (sticky.kind()) {
      case COOKIE -> cookie(headers, sticky.name());
      case HEADER -> headers.get(sticky.name());
      case ADDRESS -> null;
    };
    return key == null || key.isEmpty() ? clientAddress : key;
  }

  /** The value of the first cookie called {@code name} in the request's Cookie fields, or null. */
  static String cookie(HttpHeaders headers, String name) {
    for (String field : headers.getAll(HttpHeaderNames.COOKIE)) {
      String value = cookie(field, name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String cookie(String field, String name) {
    int i = 0;
    int n = field.length();
    while (i < n) {
      int end = field.indexOf(';', i);
      if (end < 0) {
        end = n;
      }
      int start = skipSpaces(field, i, end);
      int eq = field.indexOf('=', start);
      if (eq > 0 && eq < end && eq - start == name.length() && field.regionMatches(start, name, 0, name.length())) {
        return unquote(field.substring(eq + 1, end).strip());
      }
      i = end + 1;
    }
    return null;
  }

  private static int skipSpaces(String s, int from, int to) {
    int i = from;
    while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"' ? v.substring(1, v.length() - 1) : v;
  }
}
