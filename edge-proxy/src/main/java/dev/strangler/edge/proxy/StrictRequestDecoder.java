package dev.strangler.edge.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * Netty's request decoder made strict about request-smuggling shapes: Content-Length together
 * with Transfer-Encoding and obsolete line folding (a header line starting with a space or tab)
 * yield a failed decoder result instead of being repaired. Netty itself already refuses differing
 * duplicate Content-Length values, bad chunk sizes and a final coding other than chunked.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {
  private final HeadScanner scanner = new HeadScanner();
  private boolean atHead = true;
  private boolean broken;

  StrictRequestDecoder(int maxInitialLineLength, int maxHeaderSize) {
    super(
        new HttpDecoderConfig()
            .setMaxInitialLineLength(maxInitialLineLength)
            .setMaxHeaderSize(maxHeaderSize)
            .setMaxChunkSize(64 * 1024)
            .setAllowDuplicateContentLengths(false)
            .setStrictLineParsing(true));
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw new IllegalArgumentException("Content-Length and Transfer-Encoding must not both be present");
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    if (broken) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (atHead && scanner.foundFold(in)) {
      broken = true;
      in.skipBytes(in.readableBytes());
      DefaultHttpRequest bad = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bad-request");
      bad.setDecoderResult(
          DecoderResult.failure(new IllegalArgumentException("obsolete line folding in a header")));
      out.add(bad);
      return;
    }
    int before = out.size();
    super.decode(ctx, in, out);
    for (int i = before; i < out.size(); i++) {
      Object o = out.get(i);
      if (o instanceof HttpMessage) {
        atHead = false;
        scanner.reset();
      }
      if (o instanceof LastHttpContent) {
        atHead = true;
      }
    }
  }

  /**
   * Scans a request head incrementally, across reads, for a line that starts with SP or HT after
   * the request line. Stops at the empty line that ends the head.
   */
  static final class HeadScanner {
    private int lines;
    private boolean lineStart = true;
    private boolean lineEmpty = true;
    private boolean done;

    void reset() {
      lines = 0;
      lineStart = true;
      lineEmpty = true;
      done = false;
    }

    boolean foundFold(ByteBuf in) {
      int end = in.writerIndex();
      for (int i = in.readerIndex(); i < end && !done; i++) {
        byte b = in.getByte(i);
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
            return true;
          }
          lineStart = false;
          lineEmpty = false;
        }
      }
      return false;
    }
  }
}
