package dev.strangler.edge.mirror;

import dev.strangler.edge.upstream.UpstreamPools;
import dev.strangler.edge.upstream.UpstreamTarget;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A {@link MirrorClient} per event loop and shadow target, so that a mirror runs on the loop of
 * the request it copies, without locks. A target keeps its client across config reloads. The
 * clients take their connections from mirror pools they share but do not own.
 */
final class MirrorClients implements AutoCloseable {
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final UpstreamPools pools;
  private final Map<EventLoop, Map<URI, MirrorClient>> byLoop = new ConcurrentHashMap<>();
  private volatile boolean closed;

  MirrorClients(UpstreamPools pools) {
    this.pools = pools;
  }

  /** The client of {@code target} on {@code loop}; call on that loop. Once closed, a closed client. */
  MirrorClient of(UpstreamTarget target, EventLoop loop) {
    Map<URI, MirrorClient> clients = byLoop.computeIfAbsent(loop, l -> new HashMap<>());
    MirrorClient client = clients.get(target.uri());
    if (client == null) {
      client = new MirrorClient(pools, target, loop);
      clients.put(target.uri(), client);
    } else {
      client.at(target);
    }
    if (closed) {
      client.close();
    }
    return client;
  }

  /**
   * Closes every client on its loop, dropping what it carries ({@code shutdown}), and waits (up to
   * 5 s a loop) until that is done; a loop already shutting down closes its connections itself.
   */
  @Override
  public void close() {
    closed = true;
    List<Future<?>> done = new ArrayList<>();
    byLoop.forEach((loop, clients) -> {
      try {
        done.add(loop.submit(() -> clients.values().forEach(MirrorClient::close)));
      } catch (RejectedExecutionException shuttingDown) {
        // the loop closes its connections itself
      }
    });
    for (Future<?> f : done) {
      f.awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
