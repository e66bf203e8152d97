package dev.strangler.edge.proxy;

import dev.strangler.config.RouteConfig;
import dev.strangler.edge.mirror.ShadowTap;
import dev.strangler.edge.proxy.ClientReads.Reason;
import dev.strangler.edge.routing.RoutingSnapshot;
import dev.strangler.edge.upstream.UpstreamHandler;
import dev.strangler.routing.Side;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The client side of one connection: checks each request, routes it, and runs one
 * {@link Exchange} at a time. Pipelined requests wait in a small bounded queue (reading pauses
 * when it fills until it drains, the connection closes if a client ignores that); reads are not
 * toggled per request, which would cost two epoll_ctl calls on every keep-alive exchange: only
 * {@link ClientReads} switches them, and only when a reason to pause comes or goes. After an
 * agreed upgrade the connection leaves HTTP for a {@link Relay} pair.
 */
final class FrontendHandler extends ChannelInboundHandlerAdapter {
  private static final int MAX_PIPELINED = 64;
  private static final int PAUSE_PIPELINED = 16;
  private static final int MAX_REQUEST_ID = 200;

  private final DataPlane plane;
  private final EdgeResponseEncoder encoder;
  private final ArrayDeque<HttpObject> pipelined = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private ClientReads reads;
  private Exchange exchange;
  private boolean closing;

  FrontendHandler(DataPlane plane, EdgeResponseEncoder encoder) {
    this.plane = plane;
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
    if (pipelined.size() >= MAX_PIPELINED) {
      ReferenceCountUtil.release(msg);
      plane.observer().rejected(0, "pipeline-overflow");
      closing = true;
      ctx.close();
      return;
    }
    pipelined.add(msg);
    if (pipelined.size() >= PAUSE_PIPELINED) {
      reads.pause(Reason.PIPELINE_FULL);
    }
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
    if (req.decoderResult().isFailure()) {
      reject(decodeError(req.decoderResult().cause()), null, true);
      return;
    }
    EdgeError invalid = check(req);
    if (invalid != null) {
      reject(invalid, null, true);
      return;
    }
    String requestId = requestId(req.headers());
    boolean hasBody = HttpUtil.isTransferEncodingChunked(req) || HttpUtil.getContentLength(req, 0L) > 0;
    if (HttpUtil.getContentLength(req, 0L) > plane.limits().maxRequestBody()) {
      reject(EdgeError.BODY_TOO_LARGE, requestId, true);
      return;
    }
    String path = path(req.uri());
    RoutingSnapshot snap = plane.routes().current();
    Optional<RouteConfig> route =
        snap.table().match(req.method().name(), req.headers().get(HttpHeaderNames.HOST), path);
    if (route.isEmpty()) {
      reject(EdgeError.NO_ROUTE, requestId, hasBody || !HttpUtil.isKeepAlive(req));
      return;
    }
    if (HttpUtil.is100ContinueExpected(req)) {
      ctx.writeAndFlush(
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE), ctx.voidPromise());
    }
    boolean upgrade =
        req.headers().contains(HttpHeaderNames.UPGRADE)
            && ForwardHeaders.connectionHas(req.headers(), "upgrade")
            && req.method().name().equals("GET");
    Side side = snap.primaryOf(route.get());
    ForwardHeaders.toUpstream(req, clientIp(), requestId, upgrade);
    if (req.uri().charAt(0) != '/' && !req.uri().equals("*")) {
      req.setUri(originForm(req.uri()));
    }
    ShadowTap tap = plane.shadowing().begin(route.get(), req, requestId, side,
        plane.upstreams().group(side.other()), ctx.channel().eventLoop(), upgrade);
    exchange = new Exchange(plane, this, ctx, req, requestId, route.get(), side, upgrade, tap);
    exchange.start();
  }

  /** Request shapes the decoder lets through but a front door must refuse. */
  private static EdgeError check(HttpRequest req) {
    HttpHeaders h = req.headers();
    if (req.protocolVersion().majorVersion() != 1) {
      return EdgeError.BAD_REQUEST;
    }
    boolean http11 = req.protocolVersion().minorVersion() == 1;
    int hosts = h.getAll(HttpHeaderNames.HOST).size();
    if (hosts > 1 || (http11 && hosts == 0)) {
      return EdgeError.BAD_REQUEST;
    }
    if (h.contains(HttpHeaderNames.TRANSFER_ENCODING)
        && (!http11 || h.contains(HttpHeaderNames.CONTENT_LENGTH))) {
      return EdgeError.BAD_REQUEST;
    }
    String expect = h.get(HttpHeaderNames.EXPECT);
    if (expect != null && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect)) {
      return EdgeError.EXPECTATION_FAILED;
    }
    String uri = req.uri();
    if (uri.isEmpty()) {
      return EdgeError.BAD_REQUEST;
    }
    if (uri.charAt(0) == '/') {
      return null;
    }
    if (uri.equals("*")) {
      return req.method().name().equals("OPTIONS") ? null : EdgeError.BAD_REQUEST;
    }
    return originForm(uri) == null ? EdgeError.BAD_REQUEST : null;
  }

  /** The path and query of an absolute-form request target, or null when it is not one. */
  private static String originForm(String uri) {
    try {
      URI u = new URI(uri);
      if (!"http".equalsIgnoreCase(u.getScheme()) || u.getRawAuthority() == null) {
        return null;
      }
      String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
    } catch (Exception e) {
      return null;
    }
  }

  private static String path(String uri) {
    String origin = uri.charAt(0) == '/' || uri.equals("*") ? uri : originForm(uri);
    int q = origin.indexOf('?');
    return q < 0 ? origin : origin.substring(0, q);
  }

  private static EdgeError decodeError(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return EdgeError.URI_TOO_LONG;
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return EdgeError.HEADERS_TOO_LARGE;
    }
    if (cause instanceof TooLongFrameException) {
      return EdgeError.HEADERS_TOO_LARGE;
    }
    return EdgeError.BAD_REQUEST;
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

  /** Writes the edge's own answer; {@code close}: the connection closes after it. */
  void answer(EdgeError error, String requestId, boolean close) {
    encoder.headRequest(false);
    var res = error.response(ctx.alloc(), requestId, close);
    if (close) {
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(res, ctx.voidPromise());
    }
  }

  /** The exchange finished and the connection stays open: take the next request. */
  void exchangeDone() {
    exchange = null;
    while (exchange == null && !closing && !pipelined.isEmpty()) {
      dispatch(pipelined.poll());
    }
    while (exchange != null && !exchange.requestComplete() && !pipelined.isEmpty()) {
      dispatch(pipelined.poll());
    }
    if (pipelined.isEmpty() && !closing) {
      reads.resume(Reason.PIPELINE_FULL);
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
      exchange.clientClosed();
    }
  }

  private void releasePipelined() {
    pipelined.forEach(ReferenceCountUtil::release);
    pipelined.clear();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && exchange == null) {
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
