package dev.strangler.edge.proxy;

import dev.strangler.http.HopByHop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.Locale;

/** Rewrites message heads as they cross the edge, in place. */
final class ForwardHeaders {
  static final AsciiString REQUEST_ID = AsciiString.cached("X-Request-Id");
  static final AsciiString SHADOW = AsciiString.cached("X-Shadow-Request");
  private static final AsciiString XFF = AsciiString.cached("X-Forwarded-For");
  private static final AsciiString XFP = AsciiString.cached("X-Forwarded-Proto");
  private static final AsciiString XFH = AsciiString.cached("X-Forwarded-Host");
  private static final AsciiString VIA_HEADER = AsciiString.cached("Via");
  private static final String VIA = "1.1 strangler-edge";

  private ForwardHeaders() {}

  /**
   * Prepares a client request for an upstream: hop-by-hop fields out (the upgrade pair back in
   * for a WebSocket handshake), forwarding fields appended, framing re-declared, HTTP/1.1.
   */
  static void toUpstream(HttpRequest req, String clientIp, String requestId, boolean upgrade) {
    HttpHeaders h = req.headers();
    boolean chunked = HttpUtil.isTransferEncodingChunked(req);
    String upgradeTo = upgrade ? h.get(HttpHeaderNames.UPGRADE) : null;
    String host = h.get(HttpHeaderNames.HOST);
    stripHopByHop(h);
    h.remove(HttpHeaderNames.EXPECT);
    append(h, XFF, clientIp);
    append(h, XFP, "http");
    if (host != null) {
      append(h, XFH, host);
    }
    append(h, VIA_HEADER, VIA);
    h.set(REQUEST_ID, requestId);
    if (chunked) {
      h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    if (upgradeTo != null) {
      h.set(HttpHeaderNames.UPGRADE, upgradeTo);
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
    }
    req.setProtocolVersion(HttpVersion.HTTP_1_1);
  }

  /**
   * Prepares an upstream response for the client: hop-by-hop fields out, Via and the request id
   * added, framing chosen for the client (chunked when the upstream's body had no length and the
   * client speaks HTTP/1.1), {@code Connection: close} when the client connection ends after it.
   *
   * @return whether the body is close-delimited towards the client
   */
  static boolean toClient(
      HttpResponse res, String requestId, boolean bodyless, boolean http10Client, boolean closeAfter) {
    HttpHeaders h = res.headers();
    boolean switching = res.status().code() == 101;
    String upgradeTo = switching ? h.get(HttpHeaderNames.UPGRADE) : null;
    boolean hasLength = h.contains(HttpHeaderNames.CONTENT_LENGTH);
    stripHopByHop(h);
    append(h, VIA_HEADER, VIA);
    h.set(REQUEST_ID, requestId);
    if (switching) {
      if (upgradeTo != null) {
        h.set(HttpHeaderNames.UPGRADE, upgradeTo);
      }
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
      return false;
    }
    boolean closeDelimited = false;
    if (!hasLength && !bodyless) {
      if (http10Client) {
        closeDelimited = true;
      } else {
        h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
    }
    if (closeAfter || closeDelimited) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (http10Client) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    res.setProtocolVersion(HttpVersion.HTTP_1_1);
    return closeDelimited;
  }

  /** Strips hop-by-hop fields in place (the shared rule, {@link HopByHop}). */
  private static void stripHopByHop(HttpHeaders h) {
    for (String name : HopByHop.removedWith(h.getAll(HttpHeaderNames.CONNECTION))) {
      h.remove(name);
    }
  }

  /** Whether a Connection header lists the given token (any case). */
  static boolean connectionHas(HttpHeaders h, String token) {
    return HopByHop.connectionTokens(h.getAll(HttpHeaderNames.CONNECTION)).contains(token.toLowerCase(Locale.ROOT));
  }

  private static void append(HttpHeaders h, CharSequence name, String value) {
    String prior = h.get(name);
    h.set(name, prior == null || prior.isEmpty() ? value : prior + ", " + value);
  }
}
