package dev.strangler.edge.mirror;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One side's response as it streams past, copied into a bounded buffer for comparison and
 * capture. Above the bound the copy keeps the first bytes and is marked overflowed (a comparison
 * then ends as {@code skipped}, a capture is marked truncated); the streaming itself is never
 * held up. Filled and read on the event loop: once the pair is complete, it is turned into the
 * immutable responses of a judge task and a capture line.
 */
final class ResponseCapture {
  private final int limit;
  private long startNanos;
  private int status;
  private HttpHeaders headers = EmptyHttpHeaders.INSTANCE;
  private byte[] body = new byte[0];
  private long expected = -1;
  private int size;
  private boolean overflowed;
  private long latencyNanos;

  ResponseCapture(int limit, long startNanos) {
    this.limit = limit;
    this.startNanos = startNanos;
  }

  /** Times the answer from {@code nanos} ({@link System#nanoTime()}) instead of from creation. */
  void restart(long nanos) {
    startNanos = nanos;
  }

  /**
   * Records status and headers. The capture keeps the response's headers, or a copy of them with
   * {@code copyHeaders}, and reads them once the pair is complete: a serving response's are then
   * as rewritten for the client (content headers untouched, which is all judging reads); a
   * recorded exchange, whose capture line wants them as sent, asks for the copy.
   */
  void head(HttpResponse res, boolean copyHeaders) {
    this.status = res.status().code();
    this.headers = copyHeaders ? res.headers().copy() : res.headers();
    this.expected = declaredLength(res);
  }

  /** The Content-Length, or -1 when there is none (or none that parses: the tap never throws). */
  private static long declaredLength(HttpResponse res) {
    try {
      return HttpUtil.getContentLength(res, -1L);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Copies a body piece, unless the bound is already passed. The first piece sizes the copy for
   * the whole declared body, so that a body of known length is copied once.
   */
  void body(ByteBuf content) {
    int n = content.readableBytes();
    if (overflowed || n == 0) {
      return;
    }
    if (size + n > limit) {
      overflowed = true;
      n = limit - size;
    }
    if (size + n > body.length) {
      long wanted = body.length == 0 && expected > 0 ? expected : body.length * 2L + 256;
      body = Arrays.copyOf(body, (int) Math.min(limit, Math.max(size + n, wanted)));
    }
    content.getBytes(content.readerIndex(), body, size, n);
    size += n;
  }

  /** The response is complete. */
  void done() {
    latencyNanos = System.nanoTime() - startNanos;
  }

  boolean overflowed() {
    return overflowed;
  }

  int status() {
    return status;
  }

  /** The headers as name and value pairs in the order received (built when asked). */
  List<Map.Entry<String, String>> headers() {
    List<Map.Entry<String, String>> h = new ArrayList<>(headers.size());
    for (Map.Entry<String, String> e : headers) {
      h.add(new SimpleImmutableEntry<>(e.getKey(), e.getValue()));
    }
    return h;
  }

  /**
   * The values of the named headers only, as name and value pairs (each name's values in the
   * order received): what judging reads, without converting every header of the answer.
   */
  List<Map.Entry<String, String>> headers(List<String> names) {
    List<Map.Entry<String, String>> h = new ArrayList<>(names.size());
    for (String name : names) {
      for (String value : headers.getAll(name)) {
        h.add(new SimpleImmutableEntry<>(name, value));
      }
    }
    return h;
  }

  /**
   * The body, or its first {@code limit} bytes when {@link #overflowed()}: the capture's own array
   * when it is exactly full (call once the answer is complete; the array is not written again).
   */
  byte[] bodyBytes() {
    return size == body.length ? body : Arrays.copyOf(body, size);
  }

  double latencyMillis() {
    return latencyNanos / 1_000_000.0;
  }
}
