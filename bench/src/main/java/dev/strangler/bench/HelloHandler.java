package dev.strangler.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Answers each request, once its last content arrives, with a fixed 200 {@code text/plain} body;
 * writes are flushed once per read batch so pipelined requests share a syscall.
 */
final class HelloHandler extends ChannelInboundHandlerAdapter {
  private static final ByteBuf BODY =
      Unpooled.unreleasableBuffer(
          Unpooled.directBuffer().writeBytes("Hello from upstream\n".getBytes(StandardCharsets.US_ASCII)));

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    boolean last = msg instanceof LastHttpContent;
    ReferenceCountUtil.release(msg);
    if (last) {
      ctx.write(response());
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  private static FullHttpResponse response() {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, BODY.duplicate());
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.readableBytes());
    return response;
  }
}
