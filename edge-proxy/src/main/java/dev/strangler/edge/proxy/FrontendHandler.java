package dev.strangler.edge.proxy;

import dev.strangler.config.RouteConfig;
import dev.strangler.edge.mirror.ShadowTap;
import dev.strangler.edge.proxy.ClientReads.Reason;
import dev.strangler.edge.rewrite.HeadRewrite;
import dev.strangler.edge.routing.RoutingSnapshot;
import dev.strangler.edge.upstream.UpstreamHandler;
import dev.strangler.routing.Side;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The client side of one connection: checks each request ({@link RequestCheck}), routes it on
 * its normalised path, picks the side that serves it (under a partial weight by the request's
 * sticky key, {@link RoutingSnapshot#sideOf}; the mirror goes to the other side), and runs one
 * {@link Exchange} at a time. Pipelined requests are answered
 * in order: up to {@value #MAX_PIPELINED} wait decoded in a queue (reading pauses once
 * {@value #PAUSE_PIPELINED} messages wait, until the queue drains), and past that the decoder
 * leaves the next ones undecoded in its buffer until there is room again: nothing is dropped.
 * Reads are not toggled per request, which would cost two epoll_ctl calls on every keep-alive
 * exchange: only {@link ClientReads} switches them, and only when a reason to pause comes or goes.
 * An error the edge answers itself and closes on is followed by a {@link LingeringClose}. After
 * an agreed upgrade the connection leaves HTTP for a {@link Relay} pair. During a drain
 * ({@link ClientConnections}) requests are answered with {@code Connection: close}, and a
 * connection that has been used closes once it sits between requests.
 */
final class FrontendHandler extends ChannelInboundHandlerAdapter {
  /** Pipelined requests waiting decoded at most; more wait undecoded in the decoder's buffer. */
  static final int MAX_PIPELINED = 64;
  /** Messages waiting (heads and body pieces) at which reading pauses. */
  static final int PAUSE_PIPELINED = 16;
  private static final int MAX_REQUEST_ID = 200;

  private final DataPlane plane;
  private final StrictRequestDecoder decoder;
  private final EdgeResponseEncoder encoder;
  private final ArrayDeque<HttpObject> pipelined = new ArrayDeque<>();
  private int pipelinedRequests;
  private ChannelHandlerContext ctx;
  private ClientReads reads;
  private Exchange exchange;
  private boolean closing;
  private boolean used;

  FrontendHandler(DataPlane plane, StrictRequestDecoder decoder, EdgeResponseEncoder encoder) {
    this.plane = plane;
    this.decoder = decoder;
    this.encoder = encoder;
  }

  EdgeResponseEncoder encoder() {
    return encoder;
  }

  ClientReads reads() {
    return reads;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.reads = new ClientReads(ctx.channel());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (closing || !(msg instanceof HttpObject http)) {
      ReferenceCountUtil.release(msg);
    } else if (exchange != null && !exchange.requestComplete()) {
      exchange.clientContent((HttpContent) http);
    } else if (exchange != null || !pipelined.isEmpty()) {
      enqueue(http);
    } else {
      dispatch(http);
    }
  }

  private void enqueue(HttpObject msg) {
    pipelined.add(msg);
    if (msg instanceof HttpRequest && ++pipelinedRequests >= MAX_PIPELINED) {
      decoder.holdHeads(true);
    }
    if (pipelined.size() >= PAUSE_PIPELINED) {
      reads.pause(Reason.PIPELINE_FULL);
    }
  }

  private HttpObject dequeue() {
    HttpObject msg = pipelined.poll();
    if (msg instanceof HttpRequest) {
      pipelinedRequests--;
    }
    return msg;
  }

  private void dispatch(HttpObject msg) {
    if (exchange != null && !exchange.requestComplete()) {
      exchange.clientContent((HttpContent) msg);
    } else if (msg instanceof HttpRequest req) {
      begin(req);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (exchange != null) {
      exchange.clientReadComplete();
    }
  }

  private void begin(HttpRequest req) {
    used = true;
    if (req.decoderResult().isFailure()) {
      reject(RequestCheck.decodeError(req), null, true);
      return;
    }
    EdgeError invalid = RequestCheck.refusal(req);
    if (invalid != null) {
      reject(invalid, null, true);
      return;
    }
    String requestId = requestId(req.headers());
    String target = RequestCheck.routedTarget(req.uri());
    if (target == null) {
      reject(EdgeError.BAD_REQUEST, requestId, true);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(req) && !plane.draining();
    boolean hasBody = HttpUtil.isTransferEncodingChunked(req) || HttpUtil.getContentLength(req, 0L) > 0;
    if (HttpUtil.getContentLength(req, 0L) > plane.limits().maxRequestBody()) {
      reject(EdgeError.BODY_TOO_LARGE, requestId, true);
      return;
    }
    RoutingSnapshot snap = plane.routes().current();
    Optional<RouteConfig> route = snap.table()
        .match(req.method().name(), req.headers().get(HttpHeaderNames.HOST), RequestCheck.path(target));
    if (route.isEmpty()) {
      reject(EdgeError.NO_ROUTE, requestId, hasBody || !keepAlive);
      return;
    }
    boolean upgrade =
        req.headers().contains(HttpHeaderNames.UPGRADE)
            && ForwardHeaders.connectionHas(req.headers(), "upgrade")
            && req.method().name().equals("GET");
    ClientProtocol client = new ClientProtocol(req.protocolVersion().minorVersion() == 0, keepAlive);
    boolean expectsContinue = HttpUtil.is100ContinueExpected(req);
    String clientIp = clientIp();
    Side side = snap.sideOf(route.get(), req.headers(), clientIp);
    ForwardHeaders.toUpstream(req, clientIp, requestId, upgrade);
    if (target != req.uri()) {
      req.setUri(target);
    }
    HttpRequest received = HeadRewrite.serving(route.get(), side, req);
    if (!RequestCheck.fitsUpstream(req, plane.limits().maxHeaderSize())) {
      reject(EdgeError.HEADERS_TOO_LARGE, requestId, true);
      return;
    }
    if (expectsContinue) {
      ctx.writeAndFlush(
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE), ctx.voidPromise());
    }
    ShadowTap tap = plane.shadowing().begin(route.get(), received, requestId, side,
        plane.upstreams(), ctx.channel().eventLoop(), upgrade);
    exchange = new Exchange(plane, this, ctx, req, requestId, route.get(), side, upgrade, client, tap);
    exchange.start();
  }

  private static String requestId(HttpHeaders h) {
    String id = h.get(ForwardHeaders.REQUEST_ID);
    if (id != null && !id.isEmpty() && id.length() <= MAX_REQUEST_ID && id.chars().allMatch(c -> c > 32 && c < 127)) {
      return id;
    }
    return RequestIds.next();
  }

  private String clientIp() {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress a
        ? a.getAddress().getHostAddress()
        : "unknown";
  }

  /** Answers a request the edge will not forward. */
  private void reject(EdgeError error, String requestId, boolean close) {
    plane.observer().rejected(error.status().code(), error.reason());
    if (close) {
      closing = true;
      releasePipelined();
    }
    answer(error, requestId, close);
  }

  /**
   * Writes the edge's own answer; {@code close}: the connection closes after it, lingering so
   * that the client reads the answer even while it is still sending.
   */
  void answer(EdgeError error, String requestId, boolean close) {
    encoder.headRequest(false);
    var res = error.response(ctx.alloc(), requestId, close);
    if (close) {
      reads.resumeAll();
      LingeringClose.after(ctx.writeAndFlush(res), decoder);
    } else {
      ctx.writeAndFlush(res, ctx.voidPromise());
    }
  }

  /** The exchange finished and the connection stays open: take the next request. */
  void exchangeDone() {
    exchange = null;
    while (exchange == null && !closing && !pipelined.isEmpty()) {
      dispatch(dequeue());
    }
    while (exchange != null && !exchange.requestComplete() && !pipelined.isEmpty()) {
      dispatch(dequeue());
    }
    if (decoder.holding() && pipelinedRequests < MAX_PIPELINED && !closing) {
      decoder.holdHeads(false);
      decodeHeld();
    }
    if (pipelined.isEmpty() && !closing) {
      reads.resume(Reason.PIPELINE_FULL);
    }
    if (exchange == null && plane.closingIdle()) {
      closeIfIdle();
    }
  }

  /**
   * Closes the connection, once what was written is on the wire, if it has been used and sits
   * between requests with nothing of the next one read.
   */
  private void closeIfIdle() {
    if (used && exchange == null && pipelined.isEmpty() && !closing && decoder.idle()) {
      closing = true;
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** Lets the decoder go on with the pipelined requests its buffer holds. */
  private void decodeHeld() {
    try {
      decoder.decodeHeld();
    } catch (Exception e) {
      exceptionCaught(ctx, e);
    }
  }

  /**
   * The exchange's upgrade went through: this connection and {@code upstream} leave HTTP for a
   * {@link Relay} pair. Each decoder passes on the bytes it still holds as it leaves, so the side
   * they go to is out of HTTP first: the client's encoder goes, then the upstream's codec, then
   * the client's decoder.
   */
  void relay(Channel upstream) {
    releasePipelined();
    reads.pause(Reason.RELAYED);
    ctx.pipeline().remove(DataPlane.CLIENT_ENCODER);
    UpstreamHandler.of(upstream).handOff(new Relay(ctx.channel()));
    ctx.pipeline().replace(this, "relay", new Relay(upstream)).remove(DataPlane.CLIENT_DECODER);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (exchange != null) {
      exchange.clientWritabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closing = true;
    releasePipelined();
    if (exchange != null) {
      exchange.clientClosed(plane.cut() ? ShadowTap.SHUTDOWN : "client-closed");
    }
  }

  private void releasePipelined() {
    pipelined.forEach(ReferenceCountUtil::release);
    pipelined.clear();
    pipelinedRequests = 0;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == ClientConnections.CLOSE_IF_IDLE) {
      closeIfIdle();
    } else if (evt instanceof IdleStateEvent && exchange == null) {
      closing = true;
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    closing = true;
    ctx.close();
  }
}
