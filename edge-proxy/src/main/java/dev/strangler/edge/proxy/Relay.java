package dev.strangler.edge.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * One side of the pair that carries a connection after a protocol switch, as in Netty's proxy
 * example: what its channel reads is written to the peer, and the next read is asked for once
 * that write is done, so a slow peer holds this side back with one buffer in flight at most. Its
 * channel does not read by itself. When either side closes, the other is flushed and closed.
 */
final class Relay extends ChannelInboundHandlerAdapter implements ChannelFutureListener {
  private final Channel peer;
  private Channel source;

  Relay(Channel peer) {
    this.peer = peer;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    source = ctx.channel();
    source.read();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (peer.isActive()) {
      peer.writeAndFlush(msg).addListener(this);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  /** A write to the peer finished: read on, or close the peer it failed on. */
  @Override
  public void operationComplete(ChannelFuture f) {
    if (f.isSuccess()) {
      source.read();
    } else {
      f.channel().close();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closeOnFlush(peer);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    closeOnFlush(ctx.channel());
  }

  private static void closeOnFlush(Channel ch) {
    if (ch.isActive()) {
      ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
