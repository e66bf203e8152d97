package dev.strangler.edge.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Netty's request decoder made strict for a front door:
 *
 * <ul>
 *   <li>Content-Length together with Transfer-Encoding, obsolete line folding (a header line
 *       starting with a space or tab), and a control byte or tab in the request line yield a failed
 *       request instead of being repaired (Netty itself refuses differing duplicate
 *       Content-Length values, bad chunk sizes and a final coding other than chunked);
 *   <li>a request head must arrive within the head timeout, counted from the connection's start or
 *       from the first byte of the head; then a failed request ({@link HeadTimeoutException}) is
 *       passed on, or, when nothing of a head arrived, the connection closes;
 *   <li>while {@link #holdHeads} is set, the next request head stays undecoded in the buffer
 *       (reads are paused then, so the buffer does not grow): pipelined requests wait as bytes,
 *       not as objects, until {@link #decodeHeld} is called;
 *   <li>after {@link #discard}, every byte is skipped and counted (a lingering close).
 * </ul>
 */
final class StrictRequestDecoder extends HttpRequestDecoder {
  /** The request head did not complete within the head timeout. */
  static final class HeadTimeoutException extends RuntimeException {
    HeadTimeoutException() {
      super("the request head did not arrive in time", null, false, false);
    }
  }

  private final HeadScanner scanner = new HeadScanner();
  private final long headTimeoutNanos;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> headCheck;
  private long headStartedNanos;
  private boolean atHead = true;
  private boolean broken;
  private boolean holding;
  private boolean discarding;
  private long discarded;
  private long discardLimit = Long.MAX_VALUE;

  StrictRequestDecoder(int maxInitialLineLength, int maxHeaderSize, Duration headTimeout) {
    super(
        new HttpDecoderConfig()
            .setMaxInitialLineLength(maxInitialLineLength)
            .setMaxHeaderSize(maxHeaderSize)
            .setMaxChunkSize(64 * 1024)
            .setAllowDuplicateContentLengths(false)
            .setStrictLineParsing(true));
    this.headTimeoutNanos = headTimeout.toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    super.handlerAdded(ctx);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    armHeadDeadline();
    super.channelActive(ctx);
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw new IllegalArgumentException("Content-Length and Transfer-Encoding must not both be present");
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    if (discarding || broken) {
      discarded += in.readableBytes();
      in.skipBytes(in.readableBytes());
      if (discarded > discardLimit) {
        ctx.close();
      }
      return;
    }
    if (atHead) {
      if (holding || !in.isReadable()) {
        return;
      }
      armHeadDeadline();
      String bad = scanner.scan(in);
      if (bad != null) {
        fail(out, new IllegalArgumentException(bad));
        in.skipBytes(in.readableBytes());
        return;
      }
    }
    int before = out.size();
    super.decode(ctx, in, out);
    for (int i = before; i < out.size(); i++) {
      Object o = out.get(i);
      if (o instanceof HttpMessage) {
        atHead = false;
        scanner.reset();
        headStartedNanos = 0;
      }
      if (o instanceof LastHttpContent) {
        atHead = true;
      }
    }
  }

  /** Holding: a decode stops at the next request head, and reads are not asked for meanwhile. */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    if (holding) {
      ctx.fireChannelReadComplete();
    } else {
      super.channelReadComplete(ctx);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelHeadDeadline();
    super.channelInactive(ctx);
  }

  /** Whether the next request head is left undecoded. */
  void holdHeads(boolean hold) {
    holding = hold;
  }

  boolean holding() {
    return holding;
  }

  /** Decodes what the buffer holds (after {@link #holdHeads} was cleared). */
  void decodeHeld() throws Exception {
    channelRead(ctx, Unpooled.EMPTY_BUFFER);
    ctx.fireChannelReadComplete();
  }

  /**
   * From now on every byte is skipped and counted ({@link #discarded()}); past {@code limit}
   * bytes the connection closes.
   */
  void discard(long limit) {
    discarding = true;
    discardLimit = limit;
    cancelHeadDeadline();
  }

  /** Whether nothing of a next request has arrived: between requests, with an empty buffer. */
  boolean idle() {
    return atHead && !scanner.started() && internalBuffer().readableBytes() == 0;
  }

  /** Bytes skipped since {@link #discard()} or a broken head. */
  long discarded() {
    return discarded;
  }

  /**
   * A head starts now (unless one already is): it must end within the head timeout. One check is
   * scheduled at a time and re-arms itself for a head still in progress, so a busy keep-alive
   * connection schedules a check once per timeout, not once per request.
   */
  private void armHeadDeadline() {
    if (headStartedNanos == 0) {
      headStartedNanos = System.nanoTime();
    }
    if (headCheck == null && headTimeoutNanos > 0 && ctx != null) {
      headCheck = ctx.executor().schedule(this::checkHead, headTimeoutNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void cancelHeadDeadline() {
    headStartedNanos = 0;
    if (headCheck != null) {
      headCheck.cancel(false);
      headCheck = null;
    }
  }

  private void checkHead() {
    headCheck = null;
    if (headStartedNanos == 0 || !atHead || broken || discarding || !ctx.channel().isActive()) {
      return;
    }
    long left = headStartedNanos + headTimeoutNanos - System.nanoTime();
    if (left > 0) {
      headCheck = ctx.executor().schedule(this::checkHead, left, TimeUnit.NANOSECONDS);
      return;
    }
    if (idle()) {
      ctx.close();
      return;
    }
    List<Object> out = new ArrayList<>(1);
    fail(out, new HeadTimeoutException());
    ctx.fireChannelRead(out.get(0));
    ctx.fireChannelReadComplete();
  }

  private void fail(List<Object> out, RuntimeException cause) {
    broken = true;
    cancelHeadDeadline();
    DefaultHttpRequest bad = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bad-request");
    bad.setDecoderResult(DecoderResult.failure(cause));
    out.add(bad);
  }

  /**
   * Scans a request head incrementally, across reads: a control byte (other than CR and LF) or
   * a tab in the request line, or a header line that starts with SP or HT (obsolete folding).
   * Stops at the empty line that ends the head. Each scan starts at the buffer's reader index,
   * so it sees again only the partial line the decoder has not consumed yet: rescanning it finds
   * the same, and counts no line twice.
   */
  static final class HeadScanner {
    private int lines;
    private boolean lineStart = true;
    private boolean lineEmpty = true;
    private boolean done;
    private boolean started;

    void reset() {
      lines = 0;
      lineStart = true;
      lineEmpty = true;
      done = false;
      started = false;
    }

    /** Whether any byte of the head was seen. */
    boolean started() {
      return started;
    }

    /** What is wrong with the head so far, or null. */
    String scan(ByteBuf in) {
      int end = in.writerIndex();
      for (int i = in.readerIndex(); i < end && !done; i++) {
        byte b = in.getByte(i);
        started = true;
        if (b == '\n') {
          if (lineEmpty && lines > 0) {
            done = true;
          } else if (!lineEmpty) {
            lines++;
          }
          lineStart = true;
          lineEmpty = true;
        } else if (b != '\r') {
          if (lineStart && lines > 0 && (b == ' ' || b == '\t')) {
            return "obsolete line folding in a header";
          }
          if (lines == 0 && ((b >= 0 && b < 0x20) || b == 0x7F)) {
            return "a control byte or tab in the request line";
          }
          lineStart = false;
          lineEmpty = false;
        }
      }
      return null;
    }
  }
}
