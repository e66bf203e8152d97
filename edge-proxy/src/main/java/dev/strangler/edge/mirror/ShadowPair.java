package dev.strangler.edge.mirror;

import dev.strangler.config.RouteConfig;
import dev.strangler.edge.upstream.UpstreamTarget;
import dev.strangler.routing.Side;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.time.Instant;

/**
 * One shadowed request: the serving side's response as it passed by, the mirror's response, and
 * the request they answered. Completes once both sides are done (or one failed), then hands
 * itself to {@link Shadowing} for an outcome. Event-loop confined: the serving exchange and the
 * mirror run on the same loop.
 */
public final class ShadowPair implements ShadowTap {
  private final Shadowing owner;
  final RouteConfig route;
  final Side servedBy;
  final String requestId;
  final Instant at = Instant.now();
  final HttpRequest mirrorHead;
  final EventLoop loop;
  final UpstreamTarget shadowTarget;
  final ResponseCapture primary;
  private final int maxBody;
  private CompositeByteBuf mirrorBody;
  private long bodyBytes;
  private boolean primaryDone;
  private boolean shadowDone;
  private boolean mirrorStarted;
  private boolean finished;
  ResponseCapture shadow;
  String primaryError;
  String shadowError;
  String skipReason;
  String dropReason;

  ShadowPair(Shadowing owner, RouteConfig route, Side servedBy, String requestId, HttpRequest mirrorHead,
      EventLoop loop, boolean expectsBody, UpstreamTarget shadowTarget) {
    this.shadowTarget = shadowTarget;
    this.owner = owner;
    this.route = route;
    this.servedBy = servedBy;
    this.requestId = requestId;
    this.mirrorHead = mirrorHead;
    this.loop = loop;
    this.maxBody = (int) Math.min(Integer.MAX_VALUE - 8, route.shadow().maxBody());
    this.primary = new ResponseCapture(maxBody, System.nanoTime());
    if (expectsBody) {
      mirrorBody = io.netty.buffer.ByteBufAllocator.DEFAULT.compositeBuffer(64);
    } else {
      startMirror();
    }
  }

  int maxBody() {
    return maxBody;
  }

  @Override
  public void requestBody(ByteBuf content, boolean last) {
    if (mirrorBody == null || mirrorStarted) {
      return;
    }
    bodyBytes += content.readableBytes();
    if (bodyBytes > maxBody) {
      releaseBody();
      skip("request-body-too-large");
      return;
    }
    if (content.isReadable()) {
      mirrorBody.addComponent(true, content.retainedSlice());
    }
    if (last) {
      startMirror();
    }
  }

  private void startMirror() {
    mirrorStarted = true;
    owner.sendMirror(this);
  }

  /** The mirror's request body (ownership passes to the caller), empty when there was none. */
  ByteBuf takeBody() {
    ByteBuf b = mirrorBody == null ? io.netty.buffer.Unpooled.EMPTY_BUFFER : mirrorBody;
    mirrorBody = null;
    return b;
  }

  @Override
  public void primaryHead(HttpResponse res) {
    primary.head(res);
  }

  @Override
  public void primaryBody(ByteBuf content) {
    primary.body(content);
  }

  @Override
  public void primaryDone() {
    primary.done();
    primaryDone = true;
    maybeFinish();
  }

  @Override
  public void primaryFailed(String reason) {
    if (primaryDone) {
      return;
    }
    primaryError = reason;
    primaryDone = true;
    if (!mirrorStarted) {
      releaseBody();
      shadowDone = true;
    }
    maybeFinish();
  }

  /** The mirror answered in full. */
  void shadowDone(ResponseCapture capture) {
    shadow = capture;
    shadowDone = true;
    maybeFinish();
  }

  /** The mirror failed (connect, reset, timeout). */
  void shadowFailed(String reason) {
    shadowError = reason;
    shadowDone = true;
    maybeFinish();
  }

  /** The mirror was never sent or its answer is not worth comparing. */
  void skip(String reason) {
    skipReason = reason;
    shadowDone = true;
    maybeFinish();
  }

  /** The mirror was shed under load. */
  void drop(String reason) {
    dropReason = reason;
    shadowDone = true;
    maybeFinish();
  }

  private void maybeFinish() {
    if (primaryDone && shadowDone && !finished) {
      finished = true;
      releaseBody();
      owner.complete(this);
    }
  }

  private void releaseBody() {
    if (mirrorBody != null) {
      mirrorBody.release();
      mirrorBody = null;
    }
  }
}
