package dev.strangler.edge.proxy;

import dev.strangler.routing.RequestPath;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the edge checks in a request head before routing it, and the target it routes on and
 * forwards. Refused: a failed decode (400, 414, 431, 408, or 501 for a transfer coding other than
 * chunked), a version other than HTTP/1.x (505), a missing (HTTP/1.1) or repeated Host, a Host
 * that is not a host name or address, Transfer-Encoding with Content-Length or on HTTP/1.0, an
 * expectation other than 100-continue (417), and a target that is not origin-form, absolute-form
 * ({@code http} or {@code https}) or {@code OPTIONS *}. The target routed on is
 * {@link RequestPath#normalize}'s path plus the query; bytes at or above 0x80 must be UTF-8, and
 * are forwarded exactly as received.
 */
final class RequestCheck {
  private RequestCheck() {}

  /** The answer to a head the decoder could not read. */
  static EdgeError decodeError(HttpRequest req) {
    Throwable cause = req.decoderResult().cause();
    if (cause instanceof TooLongHttpLineException) {
      return EdgeError.URI_TOO_LONG;
    }
    if (cause instanceof TooLongFrameException) {
      return EdgeError.HEADERS_TOO_LARGE;
    }
    if (cause instanceof StrictRequestDecoder.HeadTimeoutException) {
      return EdgeError.REQUEST_TIMEOUT;
    }
    String te = req.headers().get(HttpHeaderNames.TRANSFER_ENCODING);
    return te != null && !isChunked(req.headers()) ? EdgeError.NOT_IMPLEMENTED : EdgeError.BAD_REQUEST;
  }

  /** Why a decoded head is refused, or null. */
  static EdgeError refusal(HttpRequest req) {
    if (req.protocolVersion().majorVersion() != 1) {
      return EdgeError.VERSION_NOT_SUPPORTED;
    }
    HttpHeaders h = req.headers();
    boolean http11 = req.protocolVersion().minorVersion() > 0;
    List<String> hosts = h.getAll(HttpHeaderNames.HOST);
    if (hosts.size() > 1 || (http11 && hosts.isEmpty()) || (hosts.size() == 1 && !isHost(hosts.get(0)))) {
      return EdgeError.BAD_REQUEST;
    }
    if (h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
      if (!http11 || h.contains(HttpHeaderNames.CONTENT_LENGTH)) {
        return EdgeError.BAD_REQUEST;
      }
      if (!isChunked(h)) {
        return EdgeError.NOT_IMPLEMENTED;
      }
    }
    String expect = h.get(HttpHeaderNames.EXPECT);
    if (expect != null && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect)) {
      return EdgeError.EXPECTATION_FAILED;
    }
    String uri = req.uri();
    if (uri.equals("*")) {
      return req.method().name().equals("OPTIONS") ? null : EdgeError.BAD_REQUEST;
    }
    return null;
  }

  /**
   * The origin-form target the edge routes on and forwards ({@code *} stays {@code *}), or null
   * when the target is refused (400). Returns {@code uri} itself when nothing changes.
   */
  static String routedTarget(String uri) {
    if (uri.equals("*")) {
      return uri;
    }
    String origin = uri.isEmpty() || uri.charAt(0) == '/' ? uri : originForm(uri);
    if (origin == null || origin.isEmpty()) {
      return null;
    }
    int q = origin.indexOf('?');
    String rawPath = q < 0 ? origin : origin.substring(0, q);
    String path = RequestPath.normalize(rawPath);
    String query = q < 0 ? null : origin.substring(q + 1);
    if (path == null || (query != null && !plainQuery(query))) {
      return null;
    }
    String target = path == rawPath && origin == uri ? uri : query == null ? path : path + "?" + query;
    return hasHighBytes(target) ? utf8(target) : target;
  }

  /** The path of a target {@link #routedTarget} returned. */
  static String path(String target) {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /**
   * Whether the head as the upstream gets it (request line and headers, the edge's own included)
   * fits {@code max} bytes: the limit the edge enforces on what it received also holds for what
   * it sends.
   */
  static boolean fitsUpstream(HttpRequest req, int max) {
    long size = req.method().name().length() + req.uri().length() + 12L;
    for (var it = req.headers().iteratorCharSequence(); it.hasNext() && size <= max; ) {
      Map.Entry<CharSequence, CharSequence> e = it.next();
      size += e.getKey().length() + e.getValue().length() + 4;
    }
    return size + 2 <= max;
  }

  private static boolean isChunked(HttpHeaders h) {
    List<String> te = h.getAll(HttpHeaderNames.TRANSFER_ENCODING);
    return te.size() == 1 && HttpHeaderValues.CHUNKED.contentEqualsIgnoreCase(te.get(0).trim());
  }

  /** A Host value: a name, an IPv4 address or a bracketed IPv6 literal, with an optional port. */
  private static boolean isHost(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=:%[]".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The path and query of an absolute-form {@code http} or {@code https} target, or null. */
  private static String originForm(String uri) {
    try {
      URI u = new URI(uri);
      String scheme = u.getScheme();
      if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || u.getRawAuthority() == null) {
        return null;
      }
      String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean plainQuery(String query) {
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasHighBytes(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text whose UTF-8 encoding is the bytes {@code raw} holds one a char (as the decoder read
   * them), so the encoder sends them exactly as received; null when they are not UTF-8.
   */
  private static String utf8(String raw) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
