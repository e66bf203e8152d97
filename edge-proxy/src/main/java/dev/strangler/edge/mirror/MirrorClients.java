package dev.strangler.edge.mirror;

import dev.strangler.edge.upstream.UpstreamPools;
import dev.strangler.edge.upstream.UpstreamTarget;
import io.netty.channel.EventLoop;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link MirrorClient} per event loop and shadow target, so that a mirror runs on the loop of
 * the request it copies, without locks. A target keeps its client across config reloads. The
 * clients take their connections from mirror pools they share but do not own.
 */
final class MirrorClients implements AutoCloseable {
  private final UpstreamPools pools;
  private final Map<EventLoop, Map<URI, MirrorClient>> byLoop = new ConcurrentHashMap<>();

  MirrorClients(UpstreamPools pools) {
    this.pools = pools;
  }

  /** The client of {@code target} on {@code loop}; call on that loop. */
  MirrorClient of(UpstreamTarget target, EventLoop loop) {
    Map<URI, MirrorClient> clients = byLoop.computeIfAbsent(loop, l -> new HashMap<>());
    MirrorClient client = clients.get(target.uri());
    if (client == null) {
      client = new MirrorClient(pools, target, loop);
      clients.put(target.uri(), client);
      return client;
    }
    return client.at(target);
  }

  /** Closes every client's connections, on their loops (a loop shutting down closes them itself). */
  @Override
  public void close() {
    byLoop.forEach((loop, clients) -> {
      if (!loop.isShuttingDown()) {
        loop.execute(() -> clients.values().forEach(MirrorClient::close));
      }
    });
  }
}
