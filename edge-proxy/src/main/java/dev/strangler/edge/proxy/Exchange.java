package dev.strangler.edge.proxy;

import dev.strangler.config.RouteConfig;
import dev.strangler.edge.mirror.ShadowTap;
import dev.strangler.edge.proxy.ClientReads.Reason;
import dev.strangler.edge.upstream.UpstreamHandler;
import dev.strangler.edge.upstream.UpstreamListener;
import dev.strangler.routing.Side;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client request on its way to the serving side and back, a state machine over {@link Phase}.
 * Lives on the client connection's event loop, as does its upstream connection, so it needs no
 * locks. Both directions stream with backpressure: a side that cannot take more stops the other
 * side's reads ({@link ClientReads}, {@link UpstreamHandler#reading}). The connection comes from
 * an {@link UpstreamAttempt}, the body goes up as a {@link RequestBody}, and after an agreed
 * upgrade a {@link Relay} pair takes both connections over.
 */
final class Exchange implements UpstreamListener {
  /**
   * Where the exchange stands. The request body streams alongside SENDING and RESPONDING: an
   * upstream may answer before it has read the whole body.
   */
  enum Phase {
    /** The head is not on the wire: it waits for a connection, then for its first body piece. */
    CONNECTING,
    /** The head is on the wire; no answer yet (interim 1xx answers are dropped). */
    SENDING,
    /** The answer streams to the client. */
    RESPONDING,
    /** A 101 agreed to the upgrade; when it ends, both connections go to a relay pair. */
    SWITCHING,
    /** The relay pair carries both connections. */
    UPGRADED,
    /** Answered, failed, or left by the client. */
    DONE
  }

  private final DataPlane plane;
  private final FrontendHandler front;
  private final ChannelHandlerContext client;
  private final ClientReads reads;
  private final UpstreamAttempt attempt;
  private final RequestBody body;
  private final HttpRequest request;
  private final String requestId;
  private final RouteConfig route;
  private final Side side;
  private final boolean head;
  private final boolean upgrade;
  private final boolean http10Client;
  private final boolean clientKeepAlive;
  private final long startNanos = System.nanoTime();
  private final ShadowTap tap;

  private Phase phase = Phase.CONNECTING;
  private Channel upstream;
  private boolean upstreamKeepAlive;
  private boolean closeClientAfter;
  private int status;
  private ScheduledFuture<?> timeout;

  Exchange(DataPlane plane, FrontendHandler front, ChannelHandlerContext client, HttpRequest request, String requestId,
      RouteConfig route, Side side, boolean upgrade, ClientProtocol protocol, ShadowTap tap) {
    this.tap = tap;
    this.plane = plane;
    this.front = front;
    this.client = client;
    this.reads = front.reads();
    this.request = request;
    this.requestId = requestId;
    this.route = route;
    this.side = side;
    this.attempt =
        new UpstreamAttempt(plane.pools(), plane.upstreams().group(side), client.channel().eventLoop(), this, request);
    this.body = new RequestBody(reads, plane.limits().maxRequestBody());
    this.head = request.method().name().equals("HEAD");
    this.upgrade = upgrade;
    this.http10Client = protocol.http10();
    this.clientKeepAlive = protocol.keepAlive();
  }

  /** Starts the exchange: acquires an upstream connection of the serving side. */
  void start() {
    plane.observer().started(route.id(), side);
    if (upgrade) {
      reads.pause(Reason.UPGRADE_HANDSHAKE);
    }
    attempt.connect();
  }

  /** The attempt attached a connection to this exchange. */
  void connected(Channel ch) {
    upstream = ch;
    if (body.holding()) {
      writeHead();
      body.sendHeld(upstream);
    }
  }

  /** A piece of the client's request body (the first one follows the head immediately). */
  void clientContent(HttpContent c) {
    if (over()) {
      c.release();
      return;
    }
    EdgeError invalid = body.admit(c);
    if (invalid != null) {
      fail(invalid);
      return;
    }
    if (tap != null) {
      tap.requestBody(c.content(), body.complete());
    }
    if (upstream == null) {
      body.hold(c);
    } else if (phase == Phase.CONNECTING) {
      writeHead();
      body.sendFirst(c, upstream);
    } else {
      body.stream(c, upstream);
    }
  }

  /** The client finished a read burst: push what was written. */
  void clientReadComplete() {
    if (phase == Phase.SENDING || phase == Phase.RESPONDING) {
      upstream.flush();
    }
  }

  /** Writes the head (its body follows at once) and starts the response timeout. */
  private void writeHead() {
    phase = Phase.SENDING;
    upstream.write(request, upstream.voidPromise());
    long ms = route.timeouts().response().toMillis();
    timeout = client.executor().schedule(this::onTimeout, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public void upstreamWritabilityChanged() {
    body.upstreamWritabilityChanged(upstream);
  }

  /** The client can take more: resume reading the upstream. */
  void clientWritabilityChanged() {
    if (phase == Phase.RESPONDING && client.channel().isWritable()) {
      UpstreamHandler.of(upstream).reading(true);
    }
  }

  /**
   * Something the upstream sent; what the phase does not expect is dropped, and a message the
   * decoder could not read ends the exchange as {@code bad-upstream-response}.
   */
  @Override
  public void upstreamRead(Object msg) {
    if (msg instanceof HttpObject o && o.decoderResult().isFailure() && phase != Phase.CONNECTING) {
      ReferenceCountUtil.release(msg);
      badResponse();
      return;
    }
    if (msg instanceof HttpResponse res && phase == Phase.SENDING) {
      onResponseHead(res);
    }
    if (msg instanceof HttpContent c && phase == Phase.RESPONDING) {
      onResponseContent(c);
      return;
    }
    ReferenceCountUtil.release(msg);
    if (phase == Phase.CONNECTING) {
      upstream.close();
    } else if (phase == Phase.SWITCHING && msg instanceof LastHttpContent) {
      upgraded();
    }
  }

  private void onResponseHead(HttpResponse res) {
    int code = res.status().code();
    if (code >= 100 && code < 200 && code != 101) {
      return;
    }
    cancelTimeout();
    status = code;
    upstreamKeepAlive = HttpUtil.isKeepAlive(res) && code != 101;
    if (code == 101 && upgrade) {
      phase = Phase.SWITCHING;
      ForwardHeaders.toClient(res, requestId, true, http10Client, false);
      client.writeAndFlush(res, client.voidPromise());
      return;
    }
    phase = Phase.RESPONDING;
    boolean bodyless = head || code == 204 || code == 304;
    closeClientAfter = !clientKeepAlive || !body.complete() || plane.draining();
    front.encoder().headRequest(head);
    if (tap != null) {
      tap.primaryHead(res);
    }
    boolean closeDelimited = ForwardHeaders.toClient(res, requestId, bodyless, http10Client, closeClientAfter);
    closeClientAfter |= closeDelimited;
    client.write(res, client.voidPromise());
  }

  private void onResponseContent(HttpContent c) {
    if (tap != null) {
      tap.primaryBody(c.content());
    }
    client.write(c, client.voidPromise());
    if (c instanceof LastHttpContent) {
      complete();
    } else if (!client.channel().isWritable()) {
      UpstreamHandler.of(upstream).reading(false);
    }
  }

  @Override
  public void upstreamReadComplete() {
    if (phase != Phase.DONE) {
      client.flush();
    }
  }

  /** The 101 ended: the upgrade is done, and the exchange hands both connections to a relay pair. */
  private void upgraded() {
    phase = Phase.UPGRADED;
    Channel ch = upstream;
    upstream = null;
    front.relay(ch);
    finished(101);
  }

  private void complete() {
    end();
    if (tap != null) {
      tap.primaryDone();
    }
    attempt.succeeded();
    finished(status);
    releaseUpstream(upstreamKeepAlive && body.complete());
    if (closeClientAfter) {
      client.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
    } else {
      client.flush();
      nextRequest();
    }
  }

  private void onTimeout() {
    if (phase == Phase.SENDING) {
      attempt.failed();
      fail(EdgeError.TIMEOUT);
    }
  }

  /** The upstream connection closed. */
  @Override
  public void upstreamClosed() {
    switch (phase) {
      case CONNECTING, SENDING -> reset();
      case RESPONDING, SWITCHING -> abort();
      default -> { }
    }
  }

  /** The upstream closed before answering: send the request again if the attempt may, else 502. */
  private void reset() {
    boolean unsent = phase == Phase.CONNECTING;
    releaseUpstream(false);
    if (!attempt.mayRetry(unsent)) {
      attempt.failed();
      fail(EdgeError.UPSTREAM_RESET);
      return;
    }
    cancelTimeout();
    if (!unsent) {
      body.hold(LastHttpContent.EMPTY_LAST_CONTENT);
    }
    phase = Phase.CONNECTING;
    attempt.retry();
  }

  /** The client went away, or the edge cut it ({@code reason}): drop the half-done upstream connection. */
  void clientClosed(String reason) {
    if (over()) {
      return;
    }
    end();
    tapFailed(reason);
    finished(499);
    releaseUpstream(false);
    body.drop();
  }

  /**
   * The upstream's answer is malformed (head, status or framing): a 502 if none of it reached the
   * client yet, else the client connection closes. The connection is not reused either way.
   */
  private void badResponse() {
    attempt.failed();
    if (phase == Phase.SENDING) {
      fail(EdgeError.BAD_UPSTREAM_RESPONSE);
    } else {
      abort(EdgeError.BAD_UPSTREAM_RESPONSE);
    }
  }

  private void abort() {
    abort(EdgeError.UPSTREAM_RESET);
  }

  private void abort(EdgeError error) {
    end();
    tapFailed(error == EdgeError.UPSTREAM_RESET ? "reset" : error.reason());
    plane.observer().upstreamError(route.id(), side, error.reason());
    finished(status);
    releaseUpstream(false);
    client.close();
  }

  /** Ends the exchange with the edge's own answer, or a close if the upstream's answer began. */
  void fail(EdgeError error) {
    boolean answering = phase == Phase.RESPONDING || phase == Phase.SWITCHING;
    end();
    tapFailed(error.reason());
    body.drop();
    plane.observer().upstreamError(route.id(), side, error.reason());
    finished(error.status().code());
    releaseUpstream(false);
    if (answering) {
      client.close();
      return;
    }
    boolean close = !body.complete() || !clientKeepAlive || plane.draining();
    front.answer(error, requestId, close);
    if (!close) {
      nextRequest();
    }
  }

  /** The client connection stays: lift this exchange's holds on its reads and take the next request. */
  private void nextRequest() {
    body.resumeReads();
    reads.resume(Reason.UPGRADE_HANDSHAKE);
    front.exchangeDone();
  }

  private void end() {
    phase = Phase.DONE;
    cancelTimeout();
  }

  private void finished(int code) {
    plane.observer().finished(route.id(), side, code, System.nanoTime() - startNanos);
  }

  private void tapFailed(String reason) {
    if (tap != null) {
      tap.primaryFailed(reason);
    }
  }

  private void releaseUpstream(boolean reusable) {
    if (upstream != null) {
      attempt.release(upstream, reusable);
      upstream = null;
    }
  }

  private void cancelTimeout() {
    if (timeout != null) {
      timeout.cancel(false);
      timeout = null;
    }
  }

  /** Whether the exchange has let go of the client's connection: done, or handed to a relay. */
  boolean over() {
    return phase == Phase.DONE || phase == Phase.UPGRADED;
  }

  boolean requestComplete() {
    return body.complete();
  }
}
