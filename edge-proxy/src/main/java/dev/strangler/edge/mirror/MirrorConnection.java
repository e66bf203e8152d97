package dev.strangler.edge.mirror;

import dev.strangler.edge.upstream.UpstreamHandler;
import dev.strangler.edge.upstream.UpstreamListener;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * One connection to a shadow target carrying mirror requests, several at a time when they are
 * safe (HTTP/1.1 pipelining: answers come in request order, and most servers serve a connection's
 * requests one after another). Requests written during one event-loop iteration go out in one
 * flush at its end, so a burst of mirrors costs one write, and the shadow answers them in one too.
 *
 * <p>A request waits behind others only while that costs it little: fewer than the target's
 * {@code mirror-pipelining} are waiting, and their expected service (each as long as the slower of
 * the target's recent answers and the current head's wait so far) takes at most a
 * {@value #WAIT_SHARE}th of the request's timeout. A slow or hung shadow therefore gets one
 * request per connection, a fast one long pipelines.
 *
 * <p>The connection is the mirror client's until it closes: on a {@code Connection: close}
 * answer, an answer that is not HTTP (its request fails as {@code bad-response}), an idle timeout
 * with nothing waiting, a timed-out request at the head of the line, or the peer closing. Requests
 * still waiting then go back to their calls, which send them again or fail; when the edge shuts
 * down they are dropped ({@code shutdown}). Event-loop confined.
 */
final class MirrorConnection implements UpstreamListener {
  /** The share of a request's timeout it may spend waiting for the requests before it. */
  static final int WAIT_SHARE = 16;

  private final Owner owner;
  private final EventLoop loop;
  private final Runnable flush = this::flush;
  private final ArrayDeque<Call> unsent = new ArrayDeque<>(4);
  private final ArrayDeque<Call> waiting = new ArrayDeque<>(16);
  private Channel channel;
  private boolean closing;
  private boolean announcedClose;
  private boolean flushScheduled;
  private long headSince;

  MirrorConnection(Owner owner, EventLoop loop) {
    this.owner = owner;
    this.loop = loop;
  }

  /** What a connection needs of a mirror request it carries; called on the loop. */
  interface Call {
    /** Whether the request may share the connection with others waiting for answers. */
    boolean pipelinable();

    /** How long the request may take in all. */
    long timeoutNanos();

    /** Whether the request has ended (answered, failed, timed out). */
    boolean done();

    /** The request to write on {@code on} (a retained copy: the call keeps its own). */
    FullHttpRequest nextSend(MirrorConnection on);

    /** The request is at the head of the line from {@code nanos}: its answer is timed from then. */
    void timeFrom(long nanos);

    /** Something read for this request; true at the end of its final answer. */
    boolean read(Object msg);

    /** The request failed for {@code reason}. */
    void fail(String reason);

    /** The request was shed under load for {@code reason}. */
    void drop(String reason);

    /** The connection closed before the answer ended; {@code announced}: by a Connection: close. */
    void connectionLost(boolean announced);
  }

  /** The client a connection belongs to, told of its answers and of its end. */
  interface Owner {
    /** An answer took {@code nanos} from the start of its service. */
    void answered(long nanos);

    /** The connection closed and takes no more requests. */
    void closed(MirrorConnection connection);
  }

  /**
   * Whether {@code call} may go on this connection now.
   *
   * @param depth   requests that may wait on one connection (the target's pipelining)
   * @param service the target's recent service time per request, in nanoseconds
   * @param now     {@link System#nanoTime()}
   */
  boolean accepts(Call call, int depth, long service, long now) {
    if (closing) {
      return false;
    }
    int queued = unsent.size() + waiting.size();
    if (queued == 0) {
      return true;
    }
    Call last = waiting.isEmpty() ? unsent.peekLast() : waiting.peekLast();
    if (!call.pipelinable() || !last.pipelinable() || queued >= depth) {
      return false;
    }
    long perRequest = Math.max(service, waiting.isEmpty() ? 0 : now - headSince);
    return queued * perRequest <= call.timeoutNanos() / WAIT_SHARE;
  }

  /** Queues a request; it is written now if connected, else once the connection is up. */
  void send(Call call) {
    if (channel == null) {
      unsent.add(call);
      return;
    }
    write(call);
    scheduleFlush();
  }

  /** The connection is up: write what was queued meanwhile (or close it, when it was closed meanwhile). */
  void connected(Channel ch) {
    if (closing) {
      ch.close();
      return;
    }
    channel = ch;
    UpstreamHandler.of(ch).attach(this);
    Call call;
    while ((call = unsent.poll()) != null) {
      if (!call.done()) {
        write(call);
      }
    }
    scheduleFlush();
  }

  /** The connection could not be made: every queued request fails. */
  void connectFailed(boolean busy) {
    closing = true;
    Call call;
    while ((call = unsent.poll()) != null) {
      if (busy) {
        call.drop("mirror-pool-full");
      } else {
        call.fail("connect-failed");
      }
    }
  }

  private void write(Call call) {
    if (waiting.isEmpty()) {
      headSince = System.nanoTime();
      call.timeFrom(headSince);
    }
    waiting.add(call);
    channel.write(call.nextSend(this), channel.voidPromise());
  }

  private void scheduleFlush() {
    if (flushScheduled) {
      return;
    }
    if (loop instanceof SingleThreadEventLoop l) {
      flushScheduled = true;
      l.executeAfterEventLoopIteration(flush);
    } else {
      channel.flush();
    }
  }

  private void flush() {
    flushScheduled = false;
    if (channel != null) {
      channel.flush();
    }
  }

  /** A call timed out: a call at the head of the line takes the connection down with it. */
  void abandon(Call call) {
    if (unsent.remove(call)) {
      return;
    }
    if (waiting.peek() == call) {
      closing = true;
      channel.close();
    }
  }

  @Override
  public void upstreamRead(Object msg) {
    Call head = waiting.peek();
    if (head == null) {
      ReferenceCountUtil.release(msg);
      closing = true;
      channel.close();
      return;
    }
    if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
      ReferenceCountUtil.release(msg);
      waiting.poll();
      head.fail("bad-response");
      closing = true;
      channel.close();
      return;
    }
    if (msg instanceof HttpResponse res && !HttpUtil.isKeepAlive(res)) {
      closing = true;
      announcedClose = true;
    }
    if (!head.read(msg)) {
      return;
    }
    waiting.poll();
    long now = System.nanoTime();
    owner.answered(now - headSince);
    if (announcedClose) {
      UpstreamHandler.of(channel).detach();
      channel.close();
      giveBack();
      return;
    }
    headSince = now;
    if (waiting.peek() != null) {
      waiting.peek().timeFrom(now);
    }
  }

  @Override
  public void upstreamIdle() {
    if (waiting.isEmpty()) {
      closing = true;
      channel.close();
    }
  }

  @Override
  public void upstreamClosed() {
    giveBack();
  }

  /** The connection is done: what still waits on it goes back to its calls. */
  private void giveBack() {
    closing = true;
    owner.closed(this);
    Call call;
    while ((call = waiting.poll()) != null) {
      call.connectionLost(announcedClose);
    }
  }

  /** Closes the connection (the edge is shutting down): what it carries is dropped, {@code shutdown}. */
  void close() {
    closing = true;
    Call call;
    while ((call = unsent.poll()) != null) {
      call.drop(ShadowTap.SHUTDOWN);
    }
    while ((call = waiting.poll()) != null) {
      call.drop(ShadowTap.SHUTDOWN);
    }
    if (channel != null) {
      channel.close();
    }
  }
}
