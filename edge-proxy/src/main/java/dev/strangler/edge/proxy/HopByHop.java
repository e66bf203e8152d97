package dev.strangler.edge.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes hop-by-hop headers (RFC 9110 §7.6.1): the fixed set and every field named in
 * Connection. Framing fields a proxy must keep (Content-Length, Host) are never removed this way.
 */
final class HopByHop {
  private static final AsciiString[] FIXED = {
    HttpHeaderNames.CONNECTION,
    HttpHeaderNames.KEEP_ALIVE,
    HttpHeaderNames.PROXY_CONNECTION,
    HttpHeaderNames.PROXY_AUTHENTICATE,
    HttpHeaderNames.PROXY_AUTHORIZATION,
    HttpHeaderNames.TE,
    HttpHeaderNames.TRAILER,
    HttpHeaderNames.TRANSFER_ENCODING,
    HttpHeaderNames.UPGRADE,
  };

  private HopByHop() {}

  /** Strips hop-by-hop fields in place. */
  static void strip(HttpHeaders headers) {
    List<String> named = connectionTokens(headers);
    for (AsciiString name : FIXED) {
      headers.remove(name);
    }
    for (String n : named) {
      if (!HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(n)
          && !HttpHeaderNames.HOST.contentEqualsIgnoreCase(n)) {
        headers.remove(n);
      }
    }
  }

  /** The field names listed in all Connection headers. */
  static List<String> connectionTokens(HttpHeaders headers) {
    List<String> out = new ArrayList<>(2);
    for (String v : headers.getAll(HttpHeaderNames.CONNECTION)) {
      for (String t : v.split(",")) {
        String name = t.trim();
        if (!name.isEmpty()) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** Whether Connection lists the given token (case-insensitive). */
  static boolean connectionHas(HttpHeaders headers, String token) {
    for (String t : connectionTokens(headers)) {
      if (t.equalsIgnoreCase(token)) {
        return true;
      }
    }
    return false;
  }
}
