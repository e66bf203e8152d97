package dev.strangler.edge.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data plane's client connections, as a drain sees them: the first handler of every client
 * pipeline counts a connection open until its last handler has seen it close. Once {@link #drain}
 * is called every answer carries {@code Connection: close} and its connection closes after it;
 * once {@link #closeIdle} is called a connection that sits between requests closes, at once or
 * when its exchange ends. A connection that has not sent a request yet is left to send one (the
 * head timeout bounds its wait).
 */
@ChannelHandler.Sharable
final class ClientConnections extends ChannelInboundHandlerAdapter {
  /** The user event asking a connection to close if it sits between requests. */
  static final Object CLOSE_IF_IDLE = new Object() {
    @Override
    public String toString() {
      return "CLOSE_IF_IDLE";
    }
  };

  private final ChannelGroup channels = new DefaultChannelGroup("edge-clients", GlobalEventExecutor.INSTANCE);
  private final AtomicInteger open = new AtomicInteger();
  private volatile boolean draining;
  private volatile boolean closingIdle;
  private volatile boolean cut;

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    open.incrementAndGet();
    channels.add(ctx.channel());
    ctx.fireChannelActive();
  }

  /** Counts the connection closed once every later handler has seen it close. */
  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    ctx.fireChannelInactive();
    open.decrementAndGet();
  }

  /** From now on every answer carries {@code Connection: close}. */
  void drain() {
    draining = true;
  }

  boolean draining() {
    return draining;
  }

  /** Asks every connection to close as soon as it sits between requests. */
  void closeIdle() {
    draining = true;
    closingIdle = true;
    channels.forEach(ch -> ch.pipeline().fireUserEventTriggered(CLOSE_IF_IDLE));
  }

  boolean closingIdle() {
    return closingIdle;
  }

  /** Connections open now: a connection counts until every handler has seen it close. */
  int open() {
    return open.get();
  }

  /**
   * Closes every connection, cutting what is in flight.
   *
   * @return the connections that were open
   */
  int closeAll() {
    cut = true;
    int open = this.open.get();
    channels.close();
    return open;
  }

  /** Whether every connection is being cut: a connection closing now was closed by the edge. */
  boolean cut() {
    return cut;
  }
}
