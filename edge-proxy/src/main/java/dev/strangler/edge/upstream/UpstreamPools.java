package dev.strangler.edge.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keep-alive connection pools to upstream targets, one {@link LoopPool} per (target, event loop)
 * so that a client connection and its upstream connection share a thread: no hand-offs, no locks.
 * Acquire and release must be called on the given loop (they are, from the exchange or mirror
 * that runs there).
 */
public final class UpstreamPools implements AutoCloseable {
  private final Consumer<Channel> initializer;
  private final int connectTimeoutMillis;
  private final int maxConnections;
  private final int maxPendingAcquires;
  private final Map<PoolKey, LoopPool> pools = new ConcurrentHashMap<>();

  private record PoolKey(String target, EventLoop loop) {}

  /**
   * @param initializer        adds the codec and handlers to a new upstream channel
   * @param connectTimeout     TCP connect timeout
   * @param maxConnections     connections per target and event loop
   * @param maxPendingAcquires waiting acquires per target and event loop before failing fast
   */
  public UpstreamPools(
      Consumer<Channel> initializer, Duration connectTimeout, int maxConnections, int maxPendingAcquires) {
    this.initializer = initializer;
    this.connectTimeoutMillis = (int) Math.max(1, connectTimeout.toMillis());
    this.maxConnections = maxConnections;
    this.maxPendingAcquires = maxPendingAcquires;
  }

  /** Acquires a connection to the target; call on {@code loop}, completes on it. */
  public Future<Channel> acquire(UpstreamTarget target, EventLoop loop) {
    return pool(target, loop).acquire();
  }

  /** Opens a new connection to the target, never an idle one, within the pool's bound; call on {@code loop}. */
  public Future<Channel> connectFresh(UpstreamTarget target, EventLoop loop) {
    return pool(target, loop).acquireNew();
  }

  /** Returns a connection (call on its loop); a closed one is simply let go. */
  public void release(UpstreamTarget target, Channel ch) {
    pool(target, ch.eventLoop()).release(ch);
  }

  private LoopPool pool(UpstreamTarget target, EventLoop loop) {
    return pools.computeIfAbsent(new PoolKey(target.uri().toString(), loop), k -> newPool(target, loop));
  }

  private LoopPool newPool(UpstreamTarget target, EventLoop loop) {
    Bootstrap b =
        new Bootstrap()
            .group(loop)
            .channel(Transports.channel())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .remoteAddress(target.address())
            .handler(new ChannelInitializer<>() {
              @Override
              protected void initChannel(Channel ch) {
                initializer.accept(ch);
              }
            });
    return new LoopPool(b, loop, maxConnections, maxPendingAcquires);
  }

  @Override
  public void close() {
    pools.forEach((key, pool) -> {
      if (!key.loop().isShuttingDown()) {
        key.loop().execute(pool::close);
      }
    });
    pools.clear();
  }
}
