package dev.strangler.edge.mirror;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One mirror request to the side that does not serve: the request as sent (kept for one resend),
 * its answer captured into a bounded buffer, and its deadline (the route's shadow timeout). It
 * travels on a {@link MirrorConnection} of the mirror pools, never on a serving connection, and
 * ends exactly once: answered, failed or dropped. Mirror failures are not reported to target
 * health: a slow shadow must not eject a target that serves other routes. Event-loop confined.
 */
final class MirrorCall {
  /** Connections that may close under one request before it fails: it is sent once more after the first. */
  private static final int MAX_LOSSES = 1;

  private final ShadowPair pair;
  private final FullHttpRequest request;
  private final boolean pipelinable;
  private final ResponseCapture capture;
  private final long timeoutNanos;
  private ScheduledFuture<?> timeout;
  private MirrorConnection connection;
  private boolean informational;
  private boolean answering;
  private boolean done;
  private int losses;

  MirrorCall(ShadowPair pair) {
    this.pair = pair;
    this.request = request(pair.requestHead, pair.mirrorBody(), pair.record);
    this.pipelinable = pipelinable(request.method().name());
    this.capture = new ResponseCapture(pair.maxBody(), System.nanoTime());
    this.timeoutNanos = pair.route.shadow().timeout().toNanos();
  }

  /**
   * The mirror request: the serving side's head with the shadow header, framed for its copied
   * body. It takes over the pair's copy of the headers unless the pair still needs them for its
   * capture line.
   */
  private static FullHttpRequest request(HttpRequest head, ByteBuf body, boolean recorded) {
    var req = new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(), body,
        recorded ? head.headers().copy() : head.headers(), EmptyHttpHeaders.INSTANCE);
    req.headers().set(Shadowing.SHADOW_HEADER, "1");
    req.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
    HttpUtil.setContentLength(req, body.readableBytes());
    if (body.readableBytes() == 0 && !req.method().name().equals("POST") && !req.method().name().equals("PUT")) {
      req.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
    }
    return req;
  }

  /** Safe methods may share a connection with other requests waiting for answers (RFC 9112 §9.3.2). */
  private static boolean pipelinable(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
  }

  /** Arms the deadline and hands the request to a connection of {@code client}. */
  void start(MirrorClient client) {
    timeout = pair.loop.schedule(this::onTimeout, timeoutNanos, TimeUnit.NANOSECONDS);
    client.dispatch(this);
  }

  boolean pipelinable() {
    return pipelinable;
  }

  /** How long the call may take in all (the route's shadow timeout). */
  long timeoutNanos() {
    return timeoutNanos;
  }

  boolean done() {
    return done;
  }

  /** The request for one more write (the call keeps its own until it ends). */
  FullHttpRequest nextSend(MirrorConnection on) {
    connection = on;
    return request.retainedDuplicate();
  }

  /** The request left for a connection that had nothing before it: time its answer from now. */
  void timeFrom(long nanos) {
    capture.restart(nanos);
  }

  /**
   * Something the connection read for this call. Returns true at the end of its final answer;
   * an abandoned call's answer is read and discarded, keeping the connection in step.
   */
  boolean read(Object msg) {
    if (msg instanceof HttpResponse res) {
      int code = res.status().code();
      informational = code >= 100 && code < 200;
      if (!informational && !done) {
        answering = true;
        capture.head(res.status().code(), res.headers());
      }
    }
    if (!(msg instanceof HttpContent c)) {
      return false;
    }
    if (!informational && !done) {
      capture.body(c.content());
    }
    boolean last = c instanceof LastHttpContent;
    c.release();
    if (!last) {
      return false;
    }
    if (informational) {
      informational = false;
      return false;
    }
    if (end()) {
      capture.done();
      pair.shadowDone(capture);
    }
    return true;
  }

  /**
   * The connection closed before this call's answer ended. When the server had announced it
   * ({@code Connection: close} on an earlier answer), the request was never processed and goes
   * out again. Otherwise an unanswered safe request is sent once more, and anything else fails.
   */
  void connectionLost(MirrorClient client, boolean announced) {
    connection = null;
    if (done) {
      return;
    }
    if (!answering && (announced || (pipelinable && losses++ < MAX_LOSSES))) {
      client.dispatch(this);
    } else {
      fail("reset");
    }
  }

  /** The request failed: no connection to the shadow, or the connection broke mid-answer. */
  void fail(String reason) {
    if (end()) {
      pair.shadowFailed(reason);
    }
  }

  /** Shed under load. */
  void drop(String reason) {
    if (end()) {
      pair.drop(reason);
    }
  }

  private void onTimeout() {
    if (!end()) {
      return;
    }
    if (connection != null) {
      connection.abandon(this);
    }
    pair.shadowFailed("timeout");
  }

  /** Marks the call done and frees what it holds; false when it already was. */
  private boolean end() {
    if (done) {
      return false;
    }
    done = true;
    if (timeout != null) {
      timeout.cancel(false);
    }
    request.release();
    return true;
  }
}
