package dev.strangler.edge.mirror;

import dev.strangler.capture.CaptureLine;
import dev.strangler.config.RouteConfig;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.judge.Judge;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.strangler.edge.upstream.UpstreamTarget;
import dev.strangler.routing.Side;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.time.Instant;

/**
 * One tapped request: the serving side's response as it passed by and, when the request is
 * mirrored, the other side's response; when it is recorded, the request body too. Completes once
 * every part is done (or failed), then hands itself to {@link Shadowing} for an outcome and a
 * capture line. Event-loop confined: the serving exchange and the mirror run on the same loop.
 */
public final class ShadowPair implements ShadowTap {
  /** Header added to a captured request or response whose body was cut at the cap. */
  public static final String TRUNCATED = "X-Edge-Truncated";

  private final Shadowing owner;
  final RouteConfig route;
  final Side servedBy;
  final String requestId;
  final Instant at = Instant.now();
  final HttpRequest requestHead;
  final EventLoop loop;
  final UpstreamTarget shadowTarget;
  final boolean mirror;
  final boolean record;
  final ResponseCapture primary;
  private final int maxBody;
  private CompositeByteBuf body;
  private long bodyBytes;
  private boolean primaryDone;
  private boolean shadowDone;
  private boolean mirrorStarted;
  private boolean finished;
  byte[] requestBody = new byte[0];
  boolean requestTruncated;
  ResponseCapture shadow;
  String primaryError;
  String shadowError;
  String skipReason;
  String dropReason;

  /**
   * @param requestHead  the head as the serving side got it
   * @param shadowTarget where the mirror goes; null when the request is only recorded
   */
  ShadowPair(Shadowing owner, RouteConfig route, Side servedBy, String requestId, HttpRequest requestHead,
      EventLoop loop, boolean expectsBody, UpstreamTarget shadowTarget, boolean record) {
    this.owner = owner;
    this.route = route;
    this.servedBy = servedBy;
    this.requestId = requestId;
    this.requestHead = requestHead;
    this.loop = loop;
    this.shadowTarget = shadowTarget;
    this.mirror = shadowTarget != null;
    this.record = record;
    this.maxBody = (int) Math.min(Integer.MAX_VALUE - 8, route.shadow().maxBody());
    this.primary = new ResponseCapture(maxBody, System.nanoTime());
    this.shadowDone = !mirror;
    if (expectsBody) {
      body = ByteBufAllocator.DEFAULT.compositeBuffer(64);
    } else if (mirror) {
      startMirror();
    }
  }

  int maxBody() {
    return maxBody;
  }

  @Override
  public void requestBody(ByteBuf content, boolean last) {
    if (body == null) {
      return;
    }
    int n = content.readableBytes();
    if (bodyBytes + n > maxBody) {
      requestTruncated = true;
      n = (int) (maxBody - bodyBytes);
      if (mirror && !mirrorStarted) {
        mirrorStarted = true;
        skip("request-body-too-large");
      }
    }
    if (n > 0) {
      body.addComponent(true, content.retainedSlice(content.readerIndex(), n));
      bodyBytes += n;
    }
    if (last && mirror && !mirrorStarted) {
      startMirror();
    }
  }

  private void startMirror() {
    mirrorStarted = true;
    owner.sendMirror(this);
  }

  /** A copy of the request body for the mirror request (the caller releases it). */
  ByteBuf mirrorBody() {
    return body == null ? Unpooled.EMPTY_BUFFER : body.retainedDuplicate();
  }

  @Override
  public void primaryHead(HttpResponse res) {
    primary.head(res.status().code(), record ? res.headers().copy() : res.headers());
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
    if (mirror && !mirrorStarted) {
      mirrorStarted = true;
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

  /** The capture line of this exchange, unmasked (the capture writer masks it off the loop). */
  public CaptureLine toCaptureLine() {
    List<Map.Entry<String, String>> headers = new ArrayList<>(requestHead.headers().size() + 1);
    for (Map.Entry<String, String> h : requestHead.headers()) {
      headers.add(new SimpleImmutableEntry<>(h.getKey(), h.getValue()));
    }
    if (requestTruncated) {
      headers.add(new SimpleImmutableEntry<>(TRUNCATED, "true"));
    }
    var request = new CaptureLine.Request(requestHead.method().name(), requestHead.uri(), headers, requestBody);
    CaptureLine.Shadow shadowed = null;
    if (mirror && (shadow != null || shadowError != null)) {
      shadowed = new CaptureLine.Shadow(servedBy.other(), shadow == null ? null : captured(shadow), shadow == null ? shadowError : null);
    }
    return new CaptureLine(requestId, at, route.id(), servedBy, request, captured(primary), shadowed);
  }

  /** A response as captured; a truncated body is marked with an {@value #TRUNCATED} header. */
  static CapturedResponse captured(ResponseCapture c) {
    return captured(c, c.headers());
  }

  /** A response as the judge of {@code route} needs it: only the headers judging reads. */
  static CapturedResponse judged(ResponseCapture c, RouteConfig route) {
    return captured(c, c.headers(Judge.headersRead(route)));
  }

  private static CapturedResponse captured(ResponseCapture c, List<Map.Entry<String, String>> headers) {
    if (c.overflowed()) {
      headers = new ArrayList<>(headers);
      headers.add(new SimpleImmutableEntry<>(TRUNCATED, "true"));
    }
    return new CapturedResponse(c.status(), headers, c.bodyBytes(), c.latencyMillis());
  }

  private void maybeFinish() {
    if (primaryDone && shadowDone && !finished) {
      finished = true;
      if (body != null) {
        if (record) {
          requestBody = ByteBufUtil.getBytes(body);
        }
        body.release();
        body = null;
      }
      owner.complete(this);
    }
  }
}
