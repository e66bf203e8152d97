package dev.strangler.edge.proxy;

import dev.strangler.config.RouteConfig;
import dev.strangler.edge.mirror.ShadowTap;
import dev.strangler.edge.upstream.UpstreamGroup;
import dev.strangler.edge.upstream.UpstreamHandler;
import dev.strangler.edge.upstream.UpstreamListener;
import dev.strangler.edge.upstream.UpstreamTarget;
import dev.strangler.routing.Side;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One client request on its way to the serving side and back. Lives on the client connection's
 * event loop, as does its upstream connection, so it needs no locks. Both directions stream with
 * backpressure: a side that cannot take more stops the other side's reads.
 */
final class Exchange implements UpstreamListener {
  /** Body bytes held while the upstream connection is being set up; above it the client is not read. */
  private static final int MAX_PENDING_BYTES = 64 * 1024;

  private final DataPlane plane;
  private final FrontendHandler front;
  private final ChannelHandlerContext client;
  private final HttpRequest request;
  private final boolean retryable;
  private final String requestId;
  private final RouteConfig route;
  private final Side side;
  private final UpstreamGroup group;
  private final boolean head;
  private final boolean upgrade;
  private final boolean http10Client;
  private final boolean clientKeepAlive;
  private final long startNanos = System.nanoTime();
  private final ArrayDeque<HttpContent> pending = new ArrayDeque<>(2);
  private final ShadowTap tap;

  private UpstreamTarget target;
  private Channel upstream;
  private int attempts;
  private boolean reusedConnection;
  private boolean headWritten;
  private boolean requestComplete;
  private boolean responseStarted;
  private boolean upstreamKeepAlive;
  private boolean closeClientAfter;
  private boolean skipInformational;
  private boolean upgraded;
  private boolean done;
  private long bodyBytes;
  private long pendingBytes;
  private int status;
  private ScheduledFuture<?> timeout;

  Exchange(
      DataPlane plane,
      FrontendHandler front,
      ChannelHandlerContext client,
      HttpRequest request,
      String requestId,
      RouteConfig route,
      Side side,
      boolean upgrade,
      ShadowTap tap) {
    this.tap = tap;
    this.plane = plane;
    this.front = front;
    this.client = client;
    this.request = request;
    this.requestId = requestId;
    this.route = route;
    this.side = side;
    this.group = plane.upstreams().group(side);
    this.head = request.method().name().equals("HEAD");
    this.upgrade = upgrade;
    this.http10Client = request.protocolVersion().minorVersion() == 0;
    this.clientKeepAlive = HttpUtil.isKeepAlive(request);
    this.retryable = isBodyless(request);
  }

  /** Starts the exchange: acquires an upstream connection of the serving side. */
  void start() {
    plane.observer().started(route.id(), side);
    connect();
  }

  private void connect() {
    attempts++;
    target = group.pick();
    plane.pools().acquire(target, client.channel().eventLoop()).addListener(this::onAcquired);
  }

  private void onAcquired(Future<? super Channel> f) {
    if (done) {
      if (f.isSuccess()) {
        plane.pools().release(target, (Channel) f.getNow());
      }
      return;
    }
    if (!f.isSuccess()) {
      if (f.cause() instanceof IllegalStateException) {
        fail(EdgeError.UPSTREAM_BUSY);
        return;
      }
      target.failed();
      if (attempts < Math.min(2, group.size())) {
        connect();
      } else {
        fail(EdgeError.CONNECT_FAILED);
      }
      return;
    }
    upstream = (Channel) f.getNow();
    reusedConnection = UpstreamHandler.of(upstream).attach(this);
    if (!pending.isEmpty()) {
      writeHeadAndPending();
    } else {
      client.channel().config().setAutoRead(true);
    }
  }

  /** A piece of the client's request body (the first one follows the head immediately). */
  void clientContent(HttpContent c) {
    if (done) {
      c.release();
      return;
    }
    if (c.decoderResult().isFailure()) {
      c.release();
      fail(EdgeError.BAD_REQUEST);
      return;
    }
    bodyBytes += c.content().readableBytes();
    if (bodyBytes > plane.limits().maxRequestBody()) {
      c.release();
      fail(EdgeError.BODY_TOO_LARGE);
      return;
    }
    if (c instanceof LastHttpContent) {
      requestComplete = true;
    }
    if (tap != null) {
      tap.requestBody(c.content(), requestComplete);
    }
    if (!headWritten) {
      pending.add(c);
      pendingBytes += c.content().readableBytes();
      if (upstream != null) {
        writeHeadAndPending();
      } else if (pendingBytes > MAX_PENDING_BYTES) {
        client.channel().config().setAutoRead(false);
      }
      return;
    }
    upstream.write(c, upstream.voidPromise());
    if (requestComplete) {
      upstream.flush();
    } else if (!upstream.isWritable()) {
      client.channel().config().setAutoRead(false);
    }
  }

  /** The client finished a read burst: push what was written. */
  void clientReadComplete() {
    if (headWritten && !done && upstream != null) {
      upstream.flush();
    }
  }

  private void writeHeadAndPending() {
    headWritten = true;
    upstream.write(request, upstream.voidPromise());
    while (!pending.isEmpty()) {
      upstream.write(pending.poll(), upstream.voidPromise());
    }
    upstream.flush();
    long ms = route.timeouts().response().toMillis();
    timeout = client.executor().schedule(this::onTimeout, ms, TimeUnit.MILLISECONDS);
    if (!requestComplete && upstream.isWritable()) {
      client.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void upstreamWritabilityChanged() {
    if (!requestComplete && !done && upstream.isWritable()) {
      client.channel().config().setAutoRead(true);
    }
  }

  /** The client can take more: resume reading the upstream. */
  void clientWritabilityChanged() {
    if (upstream != null && !done && client.channel().isWritable()) {
      upstream.config().setAutoRead(true);
    }
  }

  /** Something the upstream sent. */
  @Override
  public void upstreamRead(Object msg) {
    if (done) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof ByteBuf raw) {
      client.writeAndFlush(raw, client.voidPromise());
      return;
    }
    if (upgraded) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpResponse res) {
      onResponseHead(res);
    }
    if (msg instanceof HttpContent c) {
      onResponseContent(c);
    }
  }

  private void onResponseHead(HttpResponse res) {
    int code = res.status().code();
    if (code >= 100 && code < 200 && code != 101) {
      skipInformational = true;
      return;
    }
    cancelTimeout();
    responseStarted = true;
    status = code;
    upstreamKeepAlive = HttpUtil.isKeepAlive(res);
    if (code == 101 && upgrade) {
      switchProtocols(res);
      return;
    }
    boolean bodyless = head || code == 204 || code == 304;
    closeClientAfter = !clientKeepAlive || !requestComplete;
    front.encoder().headRequest(head);
    if (tap != null) {
      tap.primaryHead(res);
    }
    boolean closeDelimited = ForwardHeaders.toClient(res, requestId, bodyless, http10Client, closeClientAfter);
    closeClientAfter |= closeDelimited;
    client.write(res, client.voidPromise());
  }

  private void onResponseContent(HttpContent c) {
    boolean last = c instanceof LastHttpContent;
    if (skipInformational) {
      c.release();
      skipInformational = !last;
      return;
    }
    if (tap != null) {
      tap.primaryBody(c.content());
    }
    client.write(c, client.voidPromise());
    if (last) {
      complete();
    } else if (!client.channel().isWritable()) {
      upstream.config().setAutoRead(false);
    }
  }

  @Override
  public void upstreamReadComplete() {
    if (!done || upgraded) {
      client.flush();
    }
  }

  private void switchProtocols(HttpResponse res) {
    upgraded = true;
    ForwardHeaders.toClient(res, requestId, true, http10Client, false);
    client.writeAndFlush(res, client.voidPromise());
    front.upgraded();
    upstream.pipeline().remove(UpstreamHandler.CODEC);
    client.channel().config().setAutoRead(true);
    plane.observer().finished(route.id(), side, 101, System.nanoTime() - startNanos);
  }

  /** Raw bytes from the client after a protocol switch. */
  void relayFromClient(ByteBuf raw) {
    if (upstream != null && upstream.isActive()) {
      upstream.writeAndFlush(raw, upstream.voidPromise());
    } else {
      raw.release();
    }
  }

  private void complete() {
    done = true;
    if (tap != null) {
      tap.primaryDone();
    }
    cancelTimeout();
    target.succeeded();
    plane.observer().finished(route.id(), side, status, System.nanoTime() - startNanos);
    releaseUpstream(upstreamKeepAlive && requestComplete);
    if (closeClientAfter) {
      client.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
    } else {
      client.flush();
      front.exchangeDone();
    }
  }

  private void onTimeout() {
    if (done || responseStarted) {
      return;
    }
    target.failed();
    fail(EdgeError.TIMEOUT);
  }

  /** The upstream connection closed. */
  @Override
  public void upstreamClosed() {
    if (upgraded) {
      done = true;
      client.close();
      plane.pools().release(target, upstream);
      return;
    }
    if (done) {
      return;
    }
    if (responseStarted) {
      abort();
      return;
    }
    if (reusedConnection && retryable && attempts < 3) {
      retryOnFreshConnection();
      return;
    }
    target.failed();
    fail(EdgeError.UPSTREAM_RESET);
  }

  private void retryOnFreshConnection() {
    UpstreamHandler.of(upstream).detach();
    plane.pools().release(target, upstream);
    upstream = null;
    headWritten = false;
    cancelTimeout();
    pending.add(LastHttpContent.EMPTY_LAST_CONTENT);
    connect();
  }

  /** The client went away: drop the upstream connection, it has a half-done exchange. */
  void clientClosed() {
    if (upgraded) {
      if (upstream != null) {
        upstream.close();
      }
      return;
    }
    if (done) {
      return;
    }
    done = true;
    cancelTimeout();
    tapFailed("client-closed");
    plane.observer().finished(route.id(), side, 499, System.nanoTime() - startNanos);
    releaseUpstream(false);
    drainPending();
  }

  private void abort() {
    done = true;
    cancelTimeout();
    tapFailed("reset");
    plane.observer().upstreamError(route.id(), side, EdgeError.UPSTREAM_RESET.reason());
    plane.observer().finished(route.id(), side, status, System.nanoTime() - startNanos);
    releaseUpstream(false);
    client.close();
  }

  private void fail(EdgeError error) {
    done = true;
    cancelTimeout();
    tapFailed(error.reason());
    drainPending();
    plane.observer().upstreamError(route.id(), side, error.reason());
    plane.observer().finished(route.id(), side, error.status().code(), System.nanoTime() - startNanos);
    if (upstream != null) {
      releaseUpstream(false);
    }
    if (responseStarted) {
      client.close();
      return;
    }
    front.encoder().headRequest(false);
    boolean close = !requestComplete || !clientKeepAlive;
    status = error.status().code();
    var res = error.response(client.alloc(), requestId, close);
    if (close) {
      client.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    } else {
      client.writeAndFlush(res, client.voidPromise());
      front.exchangeDone();
    }
  }

  private void tapFailed(String reason) {
    if (tap != null) {
      tap.primaryFailed(reason);
    }
  }

  private void releaseUpstream(boolean reusable) {
    if (upstream == null) {
      return;
    }
    UpstreamHandler.of(upstream).detach();
    upstream.config().setAutoRead(true);
    if (!reusable) {
      upstream.close();
    }
    plane.pools().release(target, upstream);
    upstream = null;
  }

  private void cancelTimeout() {
    if (timeout != null) {
      timeout.cancel(false);
      timeout = null;
    }
  }

  private void drainPending() {
    HttpContent c;
    while ((c = pending.poll()) != null) {
      c.release();
    }
  }

  boolean requestComplete() {
    return requestComplete;
  }

  private static boolean isBodyless(HttpRequest req) {
    String m = req.method().name();
    boolean idempotent = m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS");
    return idempotent && !HttpUtil.isTransferEncodingChunked(req) && HttpUtil.getContentLength(req, 0L) == 0L;
  }
}
