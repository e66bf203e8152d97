package dev.strangler.edge.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a client connection after an answer the edge gave itself without the client losing it,
 * as nginx's lingering close does: once the answer is written the edge stops sending (a FIN), then
 * reads and discards what the client still sends, so that closing with unread bytes does not
 * reset the connection before the client read the answer. Bounded: the connection closes when
 * the client closes, after {@value #MAX_MILLIS} ms in all, after {@value #IDLE_MILLIS} ms
 * without a byte, or after {@value #MAX_BYTES} bytes discarded.
 */
final class LingeringClose {
  static final long MAX_MILLIS = 30_000;
  static final long IDLE_MILLIS = 5_000;
  static final long MAX_BYTES = 64L << 20;
  private static final long CHECK_MILLIS = 250;

  private final Channel channel;
  private final StrictRequestDecoder decoder;
  private final long deadline;
  private long lastBytes = -1;
  private long lastChange;
  private ScheduledFuture<?> check;

  private LingeringClose(Channel channel, StrictRequestDecoder decoder) {
    this.channel = channel;
    this.decoder = decoder;
    this.lastChange = System.nanoTime();
    this.deadline = lastChange + TimeUnit.MILLISECONDS.toNanos(MAX_MILLIS);
  }

  /** Lingers once {@code written} (the answer) is on the wire; reads must be on. */
  static void after(ChannelFuture written, StrictRequestDecoder decoder) {
    Channel ch = written.channel();
    decoder.discard(MAX_BYTES);
    written.addListener(f -> {
      if (!f.isSuccess() || !(ch instanceof DuplexChannel duplex) || !ch.isActive()) {
        ch.close();
        return;
      }
      duplex.shutdownOutput();
      new LingeringClose(ch, decoder).start();
    });
  }

  private void start() {
    check = channel.eventLoop().scheduleAtFixedRate(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    channel.closeFuture().addListener(f -> check.cancel(false));
  }

  private void check() {
    long now = System.nanoTime();
    long bytes = decoder.discarded();
    if (bytes != lastBytes) {
      lastBytes = bytes;
      lastChange = now;
    }
    if (now - deadline >= 0 || now - lastChange >= TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
      channel.close();
    }
  }
}
