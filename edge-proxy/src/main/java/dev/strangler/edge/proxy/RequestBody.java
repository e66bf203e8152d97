package dev.strangler.edge.proxy;

import dev.strangler.edge.proxy.ClientReads.Reason;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;

/**
 * The request body on its way to the upstream, checked against its framing and size limit.
 * Pieces that come while the head waits for a connection are held, and past 64 KiB the client is
 * not read; they follow the head, and later pieces stream straight through, the client not read
 * while the upstream connection cannot take more. Event-loop confined.
 */
final class RequestBody {
  private static final int MAX_HELD_BYTES = 64 * 1024;

  private final ClientReads reads;
  private final long limit;
  /** Made on first use: a request whose connection is ready holds nothing. */
  private ArrayDeque<HttpContent> held;
  private long heldBytes;
  private long bytes;
  private boolean complete;

  RequestBody(ClientReads reads, long limit) {
    this.reads = reads;
    this.limit = limit;
  }

  /** Takes a piece from the client; returns why the request fails (the piece released), or null. */
  EdgeError admit(HttpContent c) {
    if (c.decoderResult().isFailure()) {
      c.release();
      return EdgeError.BAD_REQUEST;
    }
    bytes += c.content().readableBytes();
    if (bytes > limit) {
      c.release();
      return EdgeError.BODY_TOO_LARGE;
    }
    if (c instanceof LastHttpContent) {
      complete = true;
    }
    return null;
  }

  /** Whether the last piece came. */
  boolean complete() {
    return complete;
  }

  /** Holds a piece while there is no connection to send it on. */
  void hold(HttpContent c) {
    if (held == null) {
      held = new ArrayDeque<>(2);
    }
    held.add(c);
    heldBytes += c.content().readableBytes();
    if (heldBytes > MAX_HELD_BYTES) {
      reads.pause(Reason.PENDING_BODY_FULL);
    }
  }

  boolean holding() {
    return held != null && !held.isEmpty();
  }

  /** The head was just written: the held pieces follow it. */
  void sendHeld(Channel upstream) {
    HttpContent c;
    while ((c = held.poll()) != null) {
      upstream.write(c, upstream.voidPromise());
    }
    heldBytes = 0;
    pushed(upstream);
    reads.resume(Reason.PENDING_BODY_FULL);
  }

  /** The head was just written, with nothing held: {@code c} follows it. */
  void sendFirst(HttpContent c, Channel upstream) {
    upstream.write(c, upstream.voidPromise());
    pushed(upstream);
  }

  /** A piece after the first: written now, flushed at the end of the client's read burst. */
  void stream(HttpContent c, Channel upstream) {
    upstream.write(c, upstream.voidPromise());
    if (complete) {
      upstream.flush();
    } else {
      pauseWhileFull(upstream);
    }
  }

  private void pushed(Channel upstream) {
    upstream.flush();
    if (!complete) {
      pauseWhileFull(upstream);
    }
  }

  private void pauseWhileFull(Channel upstream) {
    if (!upstream.isWritable()) {
      reads.pause(Reason.UPSTREAM_NOT_WRITABLE);
    }
  }

  /** The upstream connection's writability changed. */
  void upstreamWritabilityChanged(Channel upstream) {
    if (upstream.isWritable()) {
      reads.resume(Reason.UPSTREAM_NOT_WRITABLE);
    }
  }

  /** The exchange ended and the client connection stays: the body's holds on its reads go. */
  void resumeReads() {
    reads.resume(Reason.PENDING_BODY_FULL);
    reads.resume(Reason.UPSTREAM_NOT_WRITABLE);
  }

  /** Releases what is held. */
  void drop() {
    HttpContent c;
    while (held != null && (c = held.poll()) != null) {
      c.release();
    }
  }
}
