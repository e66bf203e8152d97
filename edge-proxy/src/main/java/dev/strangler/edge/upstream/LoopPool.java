package dev.strangler.edge.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.ArrayDeque;

/**
 * Keep-alive connections to one target, owned by one event loop and used only on it: no locks,
 * no atomics, one promise per acquire. Bounded in connections (open or opening) and in acquires
 * waiting for one; an acquire beyond both fails at once with {@link IllegalStateException}. The
 * most recently used idle connection is handed out first, so surplus ones age out by idleness.
 */
final class LoopPool {
  private final Bootstrap bootstrap;
  private final EventLoop loop;
  private final int maxConnections;
  private final int maxPending;
  private final ArrayDeque<Channel> idle = new ArrayDeque<>();
  private final ArrayDeque<Promise<Channel>> waiting = new ArrayDeque<>();
  private int open;
  private boolean closed;

  LoopPool(Bootstrap bootstrap, EventLoop loop, int maxConnections, int maxPending) {
    this.bootstrap = bootstrap;
    this.loop = loop;
    this.maxConnections = maxConnections;
    this.maxPending = maxPending;
  }

  /** The most recently used idle connection, else a new one, else a place in the waiting line. */
  Future<Channel> acquire() {
    Channel ch;
    while ((ch = idle.pollLast()) != null) {
      if (ch.isActive()) {
        return loop.<Channel>newPromise().setSuccess(ch);
      }
    }
    return open(true);
  }

  /**
   * A new connection, never an idle one, for a request whose reused connection went stale. It
   * does not wait: without room under the bound it fails at once.
   */
  Future<Channel> acquireNew() {
    return open(false);
  }

  private Future<Channel> open(boolean mayWait) {
    Promise<Channel> p = loop.newPromise();
    if (closed) {
      return p.setFailure(new IllegalStateException("pool closed"));
    }
    if (open < maxConnections) {
      connect(p);
    } else if (mayWait && waiting.size() < maxPending) {
      waiting.add(p);
    } else {
      String why = mayWait ? "too many requests waiting for a connection" : "no room for a new connection";
      p.setFailure(new IllegalStateException(why));
    }
    return p;
  }

  private void connect(Promise<Channel> p) {
    open++;
    ChannelFuture f = bootstrap.connect();
    Channel ch = f.channel();
    ch.closeFuture().addListener(x -> onClosed(ch));
    f.addListener(x -> {
      if (x.isSuccess()) {
        p.setSuccess(ch);
      } else {
        p.setFailure(x.cause());
      }
    });
  }

  /** Takes a connection back: to a waiting acquire, or to the idle set; a dead one is let go. */
  void release(Channel ch) {
    if (!ch.isActive()) {
      return;
    }
    if (closed) {
      ch.close();
      return;
    }
    Promise<Channel> w = waiting.poll();
    if (w != null) {
      w.setSuccess(ch);
    } else {
      idle.addLast(ch);
    }
  }

  private void onClosed(Channel ch) {
    open--;
    idle.remove(ch);
    Promise<Channel> w = waiting.poll();
    if (w != null) {
      if (closed) {
        w.setFailure(new IllegalStateException("pool closed"));
      } else {
        connect(w);
      }
    }
  }

  /** Closes idle connections and fails waiting acquires; connections in use close on release. */
  void close() {
    closed = true;
    Channel ch;
    while ((ch = idle.poll()) != null) {
      ch.close();
    }
    Promise<Channel> w;
    while ((w = waiting.poll()) != null) {
      w.setFailure(new IllegalStateException("pool closed"));
    }
  }
}
