package dev.strangler.edge.mirror;

import dev.strangler.edge.upstream.UpstreamPools;
import dev.strangler.edge.upstream.UpstreamTarget;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The mirror connections of one event loop to one shadow target. A request goes on the first
 * connection that takes it (so bursts share connections and flushes), else on a new one from the
 * mirror pools, whose bounds turn an excess into a counted drop. Keeps a moving average of the
 * target's service time, which decides how much may wait on one connection. Once closed (the edge
 * is shutting down) it drops every call, {@code shutdown}. Event-loop confined.
 */
final class MirrorClient implements MirrorConnection.Owner {
  private final UpstreamPools pools;
  private final EventLoop loop;
  private final List<MirrorConnection> connections = new ArrayList<>();
  private UpstreamTarget target;
  private long serviceNanos;
  private boolean closed;

  MirrorClient(UpstreamPools pools, UpstreamTarget target, EventLoop loop) {
    this.pools = pools;
    this.target = target;
    this.loop = loop;
  }

  /** Takes the target's settings of the config in force (the same URI after a reload). */
  MirrorClient at(UpstreamTarget current) {
    target = current;
    return this;
  }

  /** The loop this client and its connections run on. */
  EventLoop loop() {
    return loop;
  }

  /** Sends a call on a connection with room for it, opening one if none has; once closed, drops it. */
  void dispatch(MirrorConnection.Call call) {
    if (closed) {
      call.drop(ShadowTap.SHUTDOWN);
      return;
    }
    int depth = target.mirrorPipelining();
    long now = System.nanoTime();
    for (int i = 0; i < connections.size(); i++) {
      MirrorConnection c = connections.get(i);
      if (c.accepts(call, depth, serviceNanos, now)) {
        c.send(call);
        return;
      }
    }
    MirrorConnection c = new MirrorConnection(this, loop);
    connections.add(c);
    c.send(call);
    pools.acquire(target, loop).addListener((Future<Channel> f) -> {
      if (f.isSuccess()) {
        c.connected(f.getNow());
      } else {
        connections.remove(c);
        c.connectFailed(f.cause() instanceof IllegalStateException);
      }
    });
  }

  /**
   * An answer took {@code nanos} from the start of its service. The estimate follows a slower
   * answer at once and a faster one gradually (over about eight answers): quick to stop
   * pipelining, slow to start again.
   */
  @Override
  public void answered(long nanos) {
    serviceNanos = nanos > serviceNanos ? nanos : serviceNanos + (nanos - serviceNanos) / 8;
  }

  @Override
  public void closed(MirrorConnection connection) {
    connections.remove(connection);
  }

  /** Closes every connection and takes no more calls (call on the loop); what they carry is dropped. */
  void close() {
    closed = true;
    new ArrayList<>(connections).forEach(MirrorConnection::close);
  }
}
