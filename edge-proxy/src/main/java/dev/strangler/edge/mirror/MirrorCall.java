package dev.strangler.edge.mirror;

import dev.strangler.http.Methods;
import dev.strangler.config.RouteConfig;
import dev.strangler.edge.rewrite.HeadRewrite;
import dev.strangler.http.Conditionals;
import dev.strangler.routing.Side;
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
 * One mirror request to the side that does not serve (or, for noise learning, the repeat of a
 * request to the side that serves), rewritten for its side: the request as sent (kept for one resend),
 * its answer captured into a bounded buffer, and its deadline (the route's shadow timeout). It
 * travels on a {@link MirrorConnection} of the mirror pools, never on a serving connection, and
 * ends exactly once, told to its {@link Listener}: answered, failed or dropped. Mirror failures
 * are not reported to target health: a slow shadow must not eject a target that serves other
 * routes. Event-loop confined.
 */
final class MirrorCall implements MirrorConnection.Call {
  /** Marks a mirror request, so that the shadow can tell it from real traffic. */
  static final String SHADOW_HEADER = "X-Shadow-Request";
  /** Connections that may close under one request before it fails: it is sent once more after the first. */
  private static final int MAX_LOSSES = 1;

  private final Listener listener;
  private final FullHttpRequest request;
  private final boolean pipelinable;
  private final ResponseCapture capture;
  private final long timeoutNanos;
  private MirrorClient client;
  private ScheduledFuture<?> timeout;
  private MirrorConnection connection;
  private boolean informational;
  private boolean answering;
  private boolean done;
  private int losses;

  /**
   * @param head         the head as the edge received it (forwarding headers added, not rewritten)
   * @param body         the request body (the call releases it)
   * @param copyHeaders  whether the head's headers must be copied (their owner still needs them)
   *                     rather than taken over
   * @param route        the route, whose rewrite for {@code to} the request gets
   * @param to           the side the call goes to
   * @param maxBody      bytes of the answer kept at most
   * @param timeoutNanos how long the call may take in all
   * @param listener     told once how the call ended
   */
  MirrorCall(HttpRequest head, ByteBuf body, boolean copyHeaders, RouteConfig route, Side to, int maxBody,
      long timeoutNanos, Listener listener) {
    this.listener = listener;
    this.request = request(head, body, copyHeaders);
    HeadRewrite.apply(route, to, request);
    this.pipelinable = Methods.isSafe(request.method().name()); // RFC 9112 §9.3.2
    this.capture = new ResponseCapture(maxBody, System.nanoTime());
    this.timeoutNanos = timeoutNanos;
  }

  /** How a call ended; exactly one method is called, once, on the loop. */
  interface Listener {
    /** The mirror answered in full. */
    void answered(ResponseCapture answer);

    /** The mirror failed (connect-failed, reset, timeout, bad-response). */
    void failed(String reason);

    /** The mirror was shed under load. */
    void dropped(String reason);
  }

  /**
   * The mirror request: the received head with the shadow header and without conditional
   * headers ({@link Conditionals}: the side must answer in full), framed for its copied body, on
   * the head's headers or a copy of them.
   */
  private static FullHttpRequest request(HttpRequest head, ByteBuf body, boolean copyHeaders) {
    var req = new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(), body,
        copyHeaders ? head.headers().copy() : head.headers(), EmptyHttpHeaders.INSTANCE);
    Conditionals.DROPPED.forEach(req.headers()::remove);
    req.headers().set(SHADOW_HEADER, "1");
    req.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
    HttpUtil.setContentLength(req, body.readableBytes());
    if (body.readableBytes() == 0 && !req.method().name().equals("POST") && !req.method().name().equals("PUT")) {
      req.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
    }
    return req;
  }

  /** Arms the deadline and hands the request to a connection of {@code client} (on its loop). */
  void start(MirrorClient client) {
    this.client = client;
    timeout = client.loop().schedule(this::onTimeout, timeoutNanos, TimeUnit.NANOSECONDS);
    client.dispatch(this);
  }

  @Override
  public boolean pipelinable() {
    return pipelinable;
  }

  /** How long the call may take in all (the route's shadow timeout). */
  @Override
  public long timeoutNanos() {
    return timeoutNanos;
  }

  @Override
  public boolean done() {
    return done;
  }

  /** The request for one more write (the call keeps its own until it ends). */
  @Override
  public FullHttpRequest nextSend(MirrorConnection on) {
    connection = on;
    return request.retainedDuplicate();
  }

  /** The request left for a connection that had nothing before it: time its answer from now. */
  @Override
  public void timeFrom(long nanos) {
    capture.restart(nanos);
  }

  /**
   * Something the connection read for this call. Returns true at the end of its final answer;
   * an abandoned call's answer is read and discarded, keeping the connection in step.
   */
  @Override
  public boolean read(Object msg) {
    if (msg instanceof HttpResponse res) {
      int code = res.status().code();
      informational = code >= 100 && code < 200;
      if (!informational && !done) {
        answering = true;
        capture.head(res, false);
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
      listener.answered(capture);
    }
    return true;
  }

  /**
   * The connection closed before this call's answer ended. When the server had announced it
   * ({@code Connection: close} on an earlier answer), the request was never processed and goes
   * out again. Otherwise an unanswered safe request is sent once more, and anything else fails.
   */
  @Override
  public void connectionLost(boolean announced) {
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
  @Override
  public void fail(String reason) {
    if (end()) {
      listener.failed(reason);
    }
  }

  /** Shed under load. */
  @Override
  public void drop(String reason) {
    if (end()) {
      listener.dropped(reason);
    }
  }

  private void onTimeout() {
    if (!end()) {
      return;
    }
    if (connection != null) {
      connection.abandon(this);
    }
    listener.failed("timeout");
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
