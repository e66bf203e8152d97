package dev.strangler.edge.proxy;

import dev.strangler.http.Methods;
import dev.strangler.edge.upstream.UpstreamGroup;
import dev.strangler.edge.upstream.UpstreamHandler;
import dev.strangler.edge.upstream.UpstreamPools;
import dev.strangler.edge.upstream.UpstreamTarget;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.FutureListener;

/**
 * How one request gets its upstream connection: a target picked from the serving side's group, a
 * pooled connection to it, a failover to another target when the connect fails (two tries at most),
 * and one retry on a fresh connection when a reused one is closed before answering. It also lets
 * the connection go and tells the target how the request went. Event-loop confined.
 */
final class UpstreamAttempt implements FutureListener<Channel> {
  private final UpstreamPools pools;
  private final UpstreamGroup group;
  private final EventLoop loop;
  private final Exchange exchange;
  /** Idempotent and bodiless: the request may go again even after it was sent. */
  private final boolean repeatable;
  private UpstreamTarget target;
  private int connects;
  private boolean reused;
  private boolean retried;

  UpstreamAttempt(UpstreamPools pools, UpstreamGroup group, EventLoop loop, Exchange exchange, HttpRequest request) {
    this.pools = pools;
    this.group = group;
    this.loop = loop;
    this.exchange = exchange;
    this.repeatable = isRepeatable(request);
  }

  /** Picks a target and asks its pool for a connection: any idle one, or a new one after a retry. */
  void connect() {
    connects++;
    target = group.pick();
    (retried ? pools.connectFresh(target, loop) : pools.acquire(target, loop)).addListener(this);
  }

  @Override
  public void operationComplete(Future<Channel> f) {
    if (exchange.over()) {
      if (f.isSuccess()) {
        pools.release(target, f.getNow());
      }
      return;
    }
    if (f.isSuccess()) {
      reused = UpstreamHandler.of(f.getNow()).attach(exchange);
      exchange.connected(f.getNow());
    } else if (f.cause() instanceof IllegalStateException) {
      exchange.fail(EdgeError.UPSTREAM_BUSY);
    } else {
      target.failed();
      if (connects < Math.min(2, group.size())) {
        connect();
      } else {
        exchange.fail(EdgeError.CONNECT_FAILED);
      }
    }
  }

  /**
   * Whether a request whose connection the upstream closed before answering may go again: only
   * once, only when that connection was a reused one, and only when nothing of the request was
   * sent ({@code unsent}) or it is idempotent and bodiless.
   */
  boolean mayRetry(boolean unsent) {
    return reused && !retried && (unsent || repeatable);
  }

  /** Sends the request again on a fresh connection (see {@link #mayRetry}). */
  void retry() {
    retried = true;
    connect();
  }

  /** Lets the connection go: back to its pool when reusable, else closed. */
  void release(Channel ch, boolean reusable) {
    UpstreamHandler.of(ch).detach();
    if (!reusable) {
      ch.close();
    }
    pools.release(target, ch);
  }

  /** The target answered. */
  void succeeded() {
    target.succeeded();
  }

  /** The target failed the request (reset or timeout). */
  void failed() {
    target.failed();
  }

  private static boolean isRepeatable(HttpRequest req) {
    return Methods.isSafe(req.method().name()) && !HttpUtil.isTransferEncodingChunked(req) && HttpUtil.getContentLength(req, 0L) == 0L;
  }
}
