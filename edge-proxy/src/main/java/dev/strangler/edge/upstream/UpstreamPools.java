package dev.strangler.edge.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPool;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keep-alive connection pools to upstream targets, one per (target, event loop) so that a client
 * connection and its upstream connection share a thread: no hand-offs, no locks. Each pool is
 * bounded in connections and in waiting acquires.
 */
public final class UpstreamPools implements AutoCloseable {
  private final Consumer<Channel> initializer;
  private final int connectTimeoutMillis;
  private final int maxConnections;
  private final int maxPendingAcquires;
  private final Map<PoolKey, ChannelPool> pools = new ConcurrentHashMap<>();

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

  /** Acquires a connection to the target on the given loop (completes on that loop). */
  public Future<Channel> acquire(UpstreamTarget target, EventLoop loop) {
    return pool(target, loop).acquire();
  }

  /** Returns a connection; a closed one is discarded by the pool's health check. */
  public void release(UpstreamTarget target, Channel ch) {
    pool(target, ch.eventLoop()).release(ch);
  }

  private ChannelPool pool(UpstreamTarget target, EventLoop loop) {
    return pools.computeIfAbsent(new PoolKey(target.uri().toString(), loop), k -> newPool(target, loop));
  }

  private ChannelPool newPool(UpstreamTarget target, EventLoop loop) {
    Bootstrap b =
        new Bootstrap()
            .group(loop)
            .channel(Transports.channel())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .remoteAddress(target.address());
    return new FixedChannelPool(
        b,
        new AbstractChannelPoolHandler() {
          @Override
          public void channelCreated(Channel ch) {
            initializer.accept(ch);
          }
        },
        ChannelHealthChecker.ACTIVE,
        null,
        -1,
        maxConnections,
        maxPendingAcquires,
        true,
        true);
  }

  @Override
  public void close() {
    pools.values().forEach(ChannelPool::close);
    pools.clear();
  }
}
