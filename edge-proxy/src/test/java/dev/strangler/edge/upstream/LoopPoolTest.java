package dev.strangler.edge.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.TestUpstream;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loop-owned pool against a real server: reuse, bounds, waiting acquires, closed connections. */
class LoopPoolTest {
  EventLoopGroup group;
  EventLoop loop;
  TestUpstream server;

  @BeforeEach
  void start() throws Exception {
    group = Transports.newGroup(1, "pool-test");
    loop = group.next();
    server = TestUpstream.text("legacy", "ok");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  @Test
  void reusesBoundsAndHandsReleasedConnectionsToWaiters() throws Exception {
    LoopPool pool = new LoopPool(bootstrap(), loop, 1, 1);

    Channel first = on(loop, pool::acquire).get(10, TimeUnit.SECONDS);
    assertThat(first.isActive()).isTrue();
    Future<Channel> waiter = on(loop, pool::acquire);
    Future<Channel> refused = on(loop, pool::acquire);
    assertThat(refused.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(refused.cause()).isInstanceOf(IllegalStateException.class);
    assertThat(waiter.isDone()).isFalse();

    on(loop, () -> {
      pool.release(first);
      return loop.newSucceededFuture(first);
    }).get(10, TimeUnit.SECONDS);
    assertThat(waiter.get(10, TimeUnit.SECONDS)).as("released connection goes to the waiter").isSameAs(first);

    on(loop, () -> {
      pool.release(first);
      return loop.newSucceededFuture(first);
    }).get(10, TimeUnit.SECONDS);
    assertThat(on(loop, pool::acquire).get(10, TimeUnit.SECONDS)).as("idle connection reused").isSameAs(first);

    first.close().sync();
    Channel fresh = on(loop, pool::acquire).get(10, TimeUnit.SECONDS);
    assertThat(fresh).as("a closed connection frees its slot").isNotSameAs(first);
    assertThat(fresh.isActive()).isTrue();
    fresh.close().sync();
  }

  @Test
  void acquireNewOpensAConnectionBesideTheIdleOnesAndNeverWaits() throws Exception {
    LoopPool pool = new LoopPool(bootstrap(), loop, 2, 1);

    Channel idle = on(loop, pool::acquire).get(10, TimeUnit.SECONDS);
    on(loop, () -> {
      pool.release(idle);
      return loop.newSucceededFuture(idle);
    }).get(10, TimeUnit.SECONDS);
    Channel fresh = on(loop, pool::acquireNew).get(10, TimeUnit.SECONDS);
    assertThat(fresh).as("a new connection though one is idle").isNotSameAs(idle);
    assertThat(fresh.isActive()).isTrue();

    Future<Channel> beyond = on(loop, pool::acquireNew);
    assertThat(beyond.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(beyond.cause()).as("at the bound it fails at once").isInstanceOf(IllegalStateException.class);
    assertThat(on(loop, pool::acquire).get(10, TimeUnit.SECONDS)).as("the idle one is still there").isSameAs(idle);
    fresh.close().sync();
    idle.close().sync();
  }

  private Bootstrap bootstrap() {
    return new Bootstrap().group(loop).channel(Transports.channel())
        .remoteAddress(new InetSocketAddress("127.0.0.1", server.port()))
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {}
        });
  }

  private static Future<Channel> on(EventLoop loop, Callable<Future<Channel>> call) throws Exception {
    return loop.submit(call).get(10, TimeUnit.SECONDS);
  }
}
