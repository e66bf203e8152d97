package dev.strangler.edge.mirror;

import dev.strangler.capture.CaptureLine;
import dev.strangler.config.RouteConfig;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.judge.Judge;
import dev.strangler.judge.Observation;
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
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One tapped request: the serving side's response as it passes by and, when the request is
 * mirrored, the other side's answer through a {@link MirrorCall}; when it is recorded, the
 * request body too. When it is sampled for noise learning, a {@link NoiseRepeat} asks the serving
 * side a second time. Once every part is done (or failed) it decides its end once, as a
 * {@link PairEnd} with an immutable {@link JudgeTask} when there is something to judge, and hands
 * the end and the capture line of a recorded request to its {@link Sink}. Event-loop confined:
 * the serving exchange and the mirror run on the same loop.
 */
final class ShadowPair implements ShadowTap, MirrorCall.Listener {
  /** Header added to a captured request or response whose body was cut at the cap. */
  static final String TRUNCATED = "X-Edge-Truncated";

  private final Sink sink;
  private final RouteConfig route;
  private final Side servedBy;
  private final String requestId;
  private final Instant at = Instant.now();
  private final HttpRequest requestHead;
  private final EventLoop loop;
  private final MirrorClient mirror;
  private final NoiseRepeat repeat;
  private final boolean record;
  private final int maxBody;
  private final ResponseCapture primary;
  private CompositeByteBuf body;
  private long bodyBytes;
  private boolean requestTruncated;
  private boolean mirrorStarted;
  private boolean primaryDone;
  private boolean shadowDone;
  private boolean finished;
  private ResponseCapture shadow;
  private String primaryError;
  private String shadowError;
  private PairEnd shed;

  /** Where a pair hands what it decided; called once each, on the pair's loop. */
  interface Sink {
    /** The capture line of a recorded request, unmasked (the capture writer masks it off the loop). */
    void recorded(CaptureLine line);

    /** The end of a mirrored request. */
    void ended(PairEnd end);

    /** The noise repeat of a request ended (its in-flight slot is free). */
    void repeatEnded(String route);
  }

  /**
   * @param requestHead the head as the edge received it, before any rewrite (a copy the pair owns)
   * @param expectsBody whether a request body follows (the mirror then waits for all of it)
   * @param mirror      the client the mirror goes out on; null when the request is only recorded
   * @param repeat      the client of the serving side the noise repeat goes out on; null for none
   *                    (only bodiless mirrored requests are repeated)
   */
  ShadowPair(Sink sink, RouteConfig route, Side servedBy, String requestId, HttpRequest requestHead, EventLoop loop,
      boolean expectsBody, MirrorClient mirror, MirrorClient repeat, boolean record) {
    this.sink = sink;
    this.route = route;
    this.servedBy = servedBy;
    this.requestId = requestId;
    this.requestHead = requestHead;
    this.loop = loop;
    this.mirror = mirror;
    this.record = record;
    this.maxBody = (int) Math.min(Integer.MAX_VALUE - 8, route.shadow().maxBody());
    this.repeat = repeat == null || mirror == null || expectsBody ? null
        : new NoiseRepeat(requestHead, route, servedBy, maxBody, () -> {
          sink.repeatEnded(route.id());
          maybeFinish();
        }, repeat);
    this.primary = new ResponseCapture(maxBody, System.nanoTime());
    this.shadowDone = mirror == null;
    if (expectsBody) {
      body = ByteBufAllocator.DEFAULT.compositeBuffer(64);
    } else if (mirror != null) {
      startMirror();
    }
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
      if (mirror != null && !mirrorStarted) {
        mirrorStarted = true;
        shadowEnded(new PairEnd.Skipped(route.id(), "request-body-too-large"));
      }
    }
    if (n > 0) {
      body.addComponent(true, content.retainedSlice(content.readerIndex(), n));
      bodyBytes += n;
    }
    if (last && mirror != null && !mirrorStarted) {
      startMirror();
    }
  }

  /** Sends the mirror request (its body, if any, is complete). */
  private void startMirror() {
    mirrorStarted = true;
    if (repeat != null) {
      repeat.start();
    }
    ByteBuf copy = body == null ? Unpooled.EMPTY_BUFFER : body.retainedDuplicate();
    new MirrorCall(requestHead, copy, record, route, servedBy.other(), maxBody, route.shadow().timeout().toNanos(),
        this).start(mirror);
  }

  @Override
  public void primaryHead(HttpResponse res) {
    primary.head(res, record);
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
    if (mirror != null && !mirrorStarted) {
      mirrorStarted = true;
      shadowDone = true;
    }
    maybeFinish();
  }

  @Override
  public void answered(ResponseCapture answer) {
    shadow = answer;
    shadowDone = true;
    maybeFinish();
  }

  @Override
  public void failed(String reason) {
    shadowError = reason;
    shadowDone = true;
    maybeFinish();
  }

  @Override
  public void dropped(String reason) {
    shadowEnded(new PairEnd.Dropped(route.id(), reason));
  }

  /** The shadow side ended before a comparison was possible: that decides the pair's end. */
  private void shadowEnded(PairEnd end) {
    shed = end;
    shadowDone = true;
    maybeFinish();
  }

  private void maybeFinish() {
    if (!primaryDone || !shadowDone || (repeat != null && !repeat.done()) || finished) {
      return;
    }
    finished = true;
    byte[] requestBody = new byte[0];
    if (body != null) {
      if (record) {
        requestBody = ByteBufUtil.getBytes(body);
      }
      body.release();
      body = null;
    }
    if (record) {
      sink.recorded(captureLine(requestBody));
    }
    if (mirror != null) {
      sink.ended(end());
    }
  }

  /** The pair's end: shed early, skipped for want of a comparison, or judged. */
  private PairEnd end() {
    if (shed != null) {
      return shed;
    }
    if (SHUTDOWN.equals(primaryError)) {
      return new PairEnd.Dropped(route.id(), SHUTDOWN);
    }
    if (primaryError != null) {
      return new PairEnd.Skipped(route.id(), "primary-" + primaryError);
    }
    if (primary.overflowed() || (shadow != null && shadow.overflowed())) {
      return new PairEnd.Skipped(route.id(), "response-too-large");
    }
    List<String> read = Judge.headersRead(route);
    CapturedResponse served = captured(primary, primary.headers(read));
    CapturedResponse other = shadow == null ? null : captured(shadow, shadow.headers(read));
    Observation o = Observation.of(requestHead.method().name(), requestHead.uri(), requestId, at, servedBy, served,
        other, shadowError);
    CapturedResponse again = repeat == null ? null : repeat.answer()
        .map(c -> captured(c, c.headers(read))).orElse(null);
    return new PairEnd.Judged(new JudgeTask(route, o, again), loop);
  }

  /** The capture line of this exchange, unmasked. */
  private CaptureLine captureLine(byte[] requestBody) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(requestHead.headers().size() + 1);
    for (Map.Entry<String, String> h : requestHead.headers()) {
      headers.add(new SimpleImmutableEntry<>(h.getKey(), h.getValue()));
    }
    if (requestTruncated) {
      headers.add(new SimpleImmutableEntry<>(TRUNCATED, "true"));
    }
    var request = new CaptureLine.Request(requestHead.method().name(), requestHead.uri(), headers, requestBody);
    CaptureLine.Shadow shadowed = null;
    if (mirror != null && (shadow != null || shadowError != null)) {
      shadowed = new CaptureLine.Shadow(servedBy.other(), shadow == null ? null : captured(shadow, shadow.headers()),
          shadow == null ? shadowError : null);
    }
    return new CaptureLine(requestId, at, route.id(), servedBy, request, captured(primary, primary.headers()), shadowed);
  }

  /** A response with the given headers; a truncated body is marked with a {@value #TRUNCATED} header. */
  private static CapturedResponse captured(ResponseCapture c, List<Map.Entry<String, String>> headers) {
    if (c.overflowed()) {
      headers = new ArrayList<>(headers);
      headers.add(new SimpleImmutableEntry<>(TRUNCATED, "true"));
    }
    return new CapturedResponse(c.status(), headers, c.bodyBytes(), c.latencyMillis());
  }
}
