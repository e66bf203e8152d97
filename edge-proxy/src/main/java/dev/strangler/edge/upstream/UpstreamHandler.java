package dev.strangler.edge.upstream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Sits on a pooled upstream connection and hands what the upstream sends to the listener that
 * currently owns the connection. Between owners it owns nothing; an idle pooled connection is
 * closed, and so is one that speaks out of turn. An owner hears of idleness and decides itself.
 * It holds the connection's read switch: on between owners, as the owner asks while owned, and
 * left to a relay once the connection is handed off after a protocol switch.
 */
public final class UpstreamHandler extends ChannelInboundHandlerAdapter {
  private static final String CODEC = "codec";
  private static final String NAME = "upstream";

  private ChannelHandlerContext ctx;
  private UpstreamListener owner;
  private int served;

  /** Sets up a new pooled connection: idle timeout, HTTP/1.1 client codec, this handler. */
  public static void initialize(Channel ch, long idleMillis) {
    ch.pipeline()
        .addLast(new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
        .addLast(CODEC, new HttpClientCodec(4096, 64 * 1024, 64 * 1024))
        .addLast(NAME, new UpstreamHandler());
  }

  /** The handler of a connection set up by {@link #initialize}. */
  public static UpstreamHandler of(Channel ch) {
    return (UpstreamHandler) ch.pipeline().get(NAME);
  }

  /** Attaches an owner; returns whether the connection served an earlier owner. */
  public boolean attach(UpstreamListener listener) {
    this.owner = listener;
    return served++ > 0;
  }

  /** The owner is done with the connection, which reads again so that a close or stray bytes are seen. */
  public void detach() {
    this.owner = null;
    reading(true);
  }

  /** Reads on or off for the owner: off while it cannot pass on what the upstream sends. */
  public void reading(boolean on) {
    ChannelConfig config = ctx.channel().config();
    if (config.isAutoRead() != on) {
      config.setAutoRead(on);
    }
  }

  /**
   * Hands the connection, past a protocol switch, to {@code relay}, which asks for every read:
   * this handler and the codec leave the pipeline (bytes the codec still holds go to the relay).
   * The pool never gets the connection back; it only sees it close.
   */
  public void handOff(ChannelHandler relay) {
    owner = null;
    reading(false);
    ChannelPipeline pipeline = ctx.pipeline();
    pipeline.replace(this, "relay", relay);
    pipeline.remove(CODEC);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    UpstreamListener o = owner;
    if (o == null) {
      ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    o.upstreamRead(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    UpstreamListener o = owner;
    if (o != null) {
      o.upstreamReadComplete();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    UpstreamListener o = owner;
    if (o != null) {
      o.upstreamWritabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    UpstreamListener o = owner;
    if (o != null) {
      o.upstreamClosed();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      UpstreamListener o = owner;
      if (o == null) {
        ctx.close();
      } else {
        o.upstreamIdle();
      }
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
