package dev.strangler.edge.proxy;

import dev.strangler.config.EdgeConfig;
import dev.strangler.config.HostPort;
import dev.strangler.edge.mirror.Shadowing;
import dev.strangler.edge.routing.LiveRoutes;
import dev.strangler.edge.upstream.Transports;
import dev.strangler.edge.upstream.UpstreamHandler;
import dev.strangler.edge.upstream.UpstreamPools;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane: a Netty HTTP/1.1 server that proxies each request to its route's serving side
 * and lets the mirror side tap it. It owns its event loops and serving pools, not the mirror side.
 * It stops in steps, so that a drain can wait between them: {@link #drain} (answers carry
 * {@code Connection: close}), {@link #stopAccepting} (listener and idle connections closed),
 * {@link #closeConnections} (what is left is cut, the loops still run), {@link #close}.
 */
public final class EdgeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);
  private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 128 * 1024);

  /**
   * Bounds of the serving connection pools, per upstream target and event loop.
   *
   * @param connections     connections open at most
   * @param acquiresWaiting requests waiting for a connection at most; beyond, 503 upstream-busy
   */
  private record PoolBounds(int connections, int acquiresWaiting) {
    /** 4096 connections, 8192 acquires waiting. */
    static final PoolBounds SERVING = new PoolBounds(4096, 8192);
  }

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final UpstreamPools pools;
  private final ClientConnections connections;
  private final Channel serverChannel;

  private EdgeServer(EventLoopGroup boss, EventLoopGroup workers, UpstreamPools pools, ClientConnections connections,
      Channel serverChannel) {
    this.boss = boss;
    this.workers = workers;
    this.pools = pools;
    this.connections = connections;
    this.serverChannel = serverChannel;
  }

  /**
   * Binds the data plane to {@code config.listen()} (port 0 picks a free port).
   *
   * @param shadowing the mirror side's tap on requests (its owner closes it)
   * @param threads   event loop threads (0: one per core)
   */
  public static EdgeServer start(LiveRoutes routes, ExchangeObserver observer, Shadowing shadowing, int threads)
      throws InterruptedException {
    EdgeConfig config = routes.current().config();
    EventLoopGroup boss = Transports.newGroup(1, "edge-accept");
    EventLoopGroup workers =
        Transports.newGroup(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), "edge-io");
    long idleMillis = config.defaults().timeouts().idle().toMillis();
    UpstreamPools pools = new UpstreamPools(ch -> UpstreamHandler.initialize(ch, idleMillis),
        config.defaults().timeouts().connect(), PoolBounds.SERVING.connections(), PoolBounds.SERVING.acquiresWaiting());
    ClientConnections connections = new ClientConnections();
    DataPlane plane = new DataPlane(routes, pools, observer, shadowing, connections);
    ServerBootstrap b =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(Transports.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .childHandler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    var limits = plane.limits();
                    var encoder = new EdgeResponseEncoder();
                    var decoder =
                        new StrictRequestDecoder(limits.maxUriLength(), limits.maxHeaderSize(), limits.headerTimeout());
                    // reader idleness only: an all-idle handler wraps every write in a promise
                    ch.pipeline()
                        .addLast(connections)
                        .addLast(new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                        .addLast(DataPlane.CLIENT_DECODER, decoder)
                        .addLast(DataPlane.CLIENT_ENCODER, encoder)
                        .addLast(new FrontendHandler(plane, decoder, encoder));
                  }
                });
    HostPort listen = config.listen();
    Channel ch = b.bind(new InetSocketAddress(listen.host(), listen.port())).sync().channel();
    LOG.info("edge listening on {} ({})", ch.localAddress(), Transports.name());
    return new EdgeServer(boss, workers, pools, connections, ch);
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** Starts a drain: from now on every answer carries {@code Connection: close} and closes its connection. */
  public void drain() {
    connections.drain();
  }

  /**
   * Closes the listener (new connections are refused) and every connection sitting between
   * requests; the others close after their answer.
   */
  public void stopAccepting() {
    serverChannel.close().syncUninterruptibly();
    connections.closeIdle();
  }

  /** Client connections open now; one counts until every handler has seen it close. */
  public int openConnections() {
    return connections.open();
  }

  /**
   * Stops accepting and closes every client connection, cutting what is in flight; the event
   * loops keep running (the mirror side still needs them).
   *
   * @return the connections that were still open
   */
  public int closeConnections() {
    stopAccepting();
    return connections.closeAll();
  }

  @Override
  public void close() {
    closeConnections();
    pools.close();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
