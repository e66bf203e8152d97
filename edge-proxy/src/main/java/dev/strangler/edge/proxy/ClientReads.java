package dev.strangler.edge.proxy;

import io.netty.channel.Channel;

/**
 * The client connection's read switch and the reasons that hold it off. Reads pause when the
 * first reason arrives and resume when the last one leaves; auto-read is set only when that
 * changes, so an exchange that needs no pause costs no epoll_ctl call. Event-loop confined.
 */
final class ClientReads {
  /** Why the client is not read. */
  enum Reason {
    /** The body held while the head waits for an upstream connection reached its bound. */
    PENDING_BODY_FULL,
    /** The upstream connection cannot take more of the request body. */
    UPSTREAM_NOT_WRITABLE,
    /** Pipelined requests filled their queue. */
    PIPELINE_FULL,
    /** An upgrade request waits for its answer: what follows it may not be HTTP. */
    UPGRADE_HANDSHAKE,
    /** The connection switched protocols: its {@link Relay} asks for every read itself. */
    RELAYED;

    private final int bit = 1 << ordinal();
  }

  private final Channel channel;
  private int held;

  ClientReads(Channel channel) {
    this.channel = channel;
  }

  /** Holds reads off for {@code reason} (again: no change). */
  void pause(Reason reason) {
    if (held == 0) {
      channel.config().setAutoRead(false);
    }
    held |= reason.bit;
  }

  /** Lets go of every reason: the connection is read to its end (a lingering close). */
  void resumeAll() {
    if (held != 0) {
      held = 0;
      channel.config().setAutoRead(true);
    }
  }

  /** Lets go of {@code reason}; reads resume if no other reason holds. */
  void resume(Reason reason) {
    if ((held & reason.bit) == 0) {
      return;
    }
    held &= ~reason.bit;
    if (held == 0) {
      channel.config().setAutoRead(true);
    }
  }
}
