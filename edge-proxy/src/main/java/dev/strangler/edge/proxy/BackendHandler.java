package dev.strangler.edge.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Sits on a pooled upstream connection and hands what the upstream sends to the exchange that
 * currently owns the connection. Between exchanges it owns nothing; an idle pooled connection is
 * closed.
 */
final class BackendHandler extends ChannelInboundHandlerAdapter {
  static final String NAME = "backend";

  private Exchange exchange;
  private int served;

  static BackendHandler of(Channel ch) {
    return (BackendHandler) ch.pipeline().get(NAME);
  }

  /** Attaches an exchange; returns whether the connection served an earlier exchange. */
  boolean attach(Exchange e) {
    this.exchange = e;
    return served++ > 0;
  }

  void detach() {
    this.exchange = null;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Exchange e = exchange;
    if (e == null) {
      io.netty.util.ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    e.upstreamRead(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    Exchange e = exchange;
    if (e != null) {
      e.upstreamReadComplete();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Exchange e = exchange;
    if (e != null) {
      e.upstreamWritabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Exchange e = exchange;
    if (e != null) {
      e.upstreamClosed();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && exchange == null) {
      ctx.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
