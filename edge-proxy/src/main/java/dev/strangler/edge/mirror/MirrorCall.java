package dev.strangler.edge.mirror;

import dev.strangler.edge.upstream.UpstreamHandler;
import dev.strangler.edge.upstream.UpstreamListener;
import dev.strangler.edge.upstream.UpstreamPools;
import dev.strangler.edge.upstream.UpstreamTarget;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one mirror request to the side that does not serve, on the mirror pools (never the
 * serving pools), and captures its answer into a bounded buffer under the route's shadow timeout.
 * Mirror failures are not reported to target health: a slow shadow must not eject a target that
 * serves other routes.
 */
final class MirrorCall implements UpstreamListener {
  private final ShadowPair pair;
  private final UpstreamPools pools;
  private final UpstreamTarget target;
  private final ResponseCapture capture;
  private Channel channel;
  private ScheduledFuture<?> timeout;
  private boolean informational;
  private boolean done;

  MirrorCall(ShadowPair pair, UpstreamPools pools, UpstreamTarget target) {
    this.pair = pair;
    this.pools = pools;
    this.target = target;
    this.capture = new ResponseCapture(pair.maxBody(), System.nanoTime());
  }

  void start() {
    ByteBuf body = pair.mirrorBody();
    HttpRequest head = pair.requestHead;
    var req = new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(), body,
        head.headers().copy(), EmptyHttpHeaders.INSTANCE);
    req.headers().set(Shadowing.SHADOW_HEADER, "1");
    req.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
    HttpUtil.setContentLength(req, body.readableBytes());
    if (body.readableBytes() == 0 && !req.method().name().equals("POST") && !req.method().name().equals("PUT")) {
      req.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
    }
    long ms = pair.route.shadow().timeout().toMillis();
    timeout = pair.loop.schedule(this::onTimeout, ms, TimeUnit.MILLISECONDS);
    pools.acquire(target, pair.loop).addListener((Future<Channel> f) -> onAcquired(f, req));
  }

  private void onAcquired(Future<Channel> f, DefaultFullHttpRequest req) {
    if (!f.isSuccess()) {
      req.release();
      if (finish()) {
        if (f.cause() instanceof IllegalStateException) {
          pair.drop("mirror-pool-full");
        } else {
          pair.shadowFailed("connect-failed");
        }
      }
      return;
    }
    channel = f.getNow();
    if (done) {
      req.release();
      pools.release(target, channel);
      return;
    }
    UpstreamHandler.of(channel).attach(this);
    channel.writeAndFlush(req, channel.voidPromise());
  }

  @Override
  public void upstreamRead(Object msg) {
    if (done) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpResponse res) {
      int code = res.status().code();
      informational = code >= 100 && code < 200;
      if (!informational) {
        capture.head(res);
      }
    }
    if (msg instanceof HttpContent c) {
      if (!informational) {
        capture.body(c.content());
      }
      boolean last = c instanceof LastHttpContent;
      c.release();
      if (last && informational) {
        informational = false;
      } else if (last && finish()) {
        capture.done();
        release(true);
        pair.shadowDone(capture);
      }
    }
  }

  @Override
  public void upstreamClosed() {
    if (finish()) {
      release(false);
      pair.shadowFailed("reset");
    }
  }

  private void onTimeout() {
    if (finish()) {
      release(false);
      pair.shadowFailed("timeout");
    }
  }

  /** Marks the call done; returns false when it already was. */
  private boolean finish() {
    if (done) {
      return false;
    }
    done = true;
    if (timeout != null) {
      timeout.cancel(false);
    }
    return true;
  }

  private void release(boolean reusable) {
    if (channel == null) {
      return;
    }
    UpstreamHandler.of(channel).detach();
    if (!reusable) {
      channel.close();
    }
    pools.release(target, channel);
    channel = null;
  }
}
