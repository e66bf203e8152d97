package dev.strangler.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Answers each request, once its last content arrives, with a fixed 200 body; writes are flushed
 * once per read batch so pipelined requests share a syscall. With a delay the answer is scheduled
 * on the channel's event loop (never blocking it) and flushed when written.
 */
final class HelloHandler extends ChannelInboundHandlerAdapter {
  private final ByteBuf body;
  private final CharSequence contentType;
  private final long delayMillis;

  /**
   * @param body        the answer body; shared, never released
   * @param contentType its Content-Type
   * @param delayMillis how long to wait before answering; 0 answers at once
   */
  HelloHandler(ByteBuf body, CharSequence contentType, long delayMillis) {
    this.body = body;
    this.contentType = contentType;
    this.delayMillis = delayMillis;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    boolean last = msg instanceof LastHttpContent;
    ReferenceCountUtil.release(msg);
    if (!last) {
      return;
    }
    if (delayMillis > 0) {
      ctx.executor().schedule(() -> ctx.writeAndFlush(response()), delayMillis, TimeUnit.MILLISECONDS);
    } else {
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

  private FullHttpResponse response() {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body.duplicate());
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    return response;
  }
}
