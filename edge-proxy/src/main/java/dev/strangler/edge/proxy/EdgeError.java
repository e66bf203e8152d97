package dev.strangler.edge.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * The answers the edge gives itself: a status, a reason token in {@code X-Edge-Error} and a small
 * JSON body {@code {"error": reason, "status": n, "message": ..., "request_id": ...}}.
 */
enum EdgeError {
  BAD_REQUEST(HttpResponseStatus.BAD_REQUEST, "bad-request", "The request is malformed."),
  URI_TOO_LONG(HttpResponseStatus.REQUEST_URI_TOO_LONG, "uri-too-long", "The request line is too long."),
  HEADERS_TOO_LARGE(
      HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large", "The request headers are too large."),
  BODY_TOO_LARGE(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large", "The request body is too large."),
  REQUEST_TIMEOUT(HttpResponseStatus.REQUEST_TIMEOUT, "request-timeout", "The request head did not arrive in time."),
  NOT_IMPLEMENTED(HttpResponseStatus.NOT_IMPLEMENTED, "transfer-coding-not-implemented",
      "Only the chunked transfer coding is supported."),
  VERSION_NOT_SUPPORTED(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, "version-not-supported",
      "Only HTTP/1.x is supported."),
  EXPECTATION_FAILED(HttpResponseStatus.EXPECTATION_FAILED, "expectation-failed", "Only 100-continue is supported."),
  NO_ROUTE(HttpResponseStatus.NOT_FOUND, "no-route", "No route matches this request."),
  CONNECT_FAILED(HttpResponseStatus.BAD_GATEWAY, "upstream-connect-failed", "The upstream could not be reached."),
  BAD_UPSTREAM_RESPONSE(HttpResponseStatus.BAD_GATEWAY, "bad-upstream-response",
      "The upstream answered with a malformed message."),
  UPSTREAM_RESET(HttpResponseStatus.BAD_GATEWAY, "upstream-reset", "The upstream closed the connection before answering."),
  UPSTREAM_BUSY(HttpResponseStatus.SERVICE_UNAVAILABLE, "upstream-busy", "Too many requests are waiting for this upstream."),
  TIMEOUT(HttpResponseStatus.GATEWAY_TIMEOUT, "upstream-timeout", "The upstream did not answer in time.");

  private final HttpResponseStatus status;
  private final String reason;
  private final String message;

  EdgeError(HttpResponseStatus status, String reason, String message) {
    this.status = status;
    this.reason = reason;
    this.message = message;
  }

  HttpResponseStatus status() {
    return status;
  }

  String reason() {
    return reason;
  }

  /** The full response; {@code close} adds {@code Connection: close}. */
  FullHttpResponse response(ByteBufAllocator alloc, String requestId, boolean close) {
    String json =
        "{\"error\":\"" + reason + "\",\"status\":" + status.code() + ",\"message\":\"" + message
            + "\",\"request_id\":" + (requestId == null ? "null" : "\"" + requestId + "\"") + "}";
    ByteBuf body = alloc.buffer(json.length()).writeBytes(json.getBytes(StandardCharsets.US_ASCII));
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
        .set("X-Edge-Error", reason);
    if (requestId != null) {
      r.headers().set(ForwardHeaders.REQUEST_ID, requestId);
    }
    if (close) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return r;
  }
}
