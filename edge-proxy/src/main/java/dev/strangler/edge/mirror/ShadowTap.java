package dev.strangler.edge.mirror;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponse;

/**
 * The serving exchange's side of a shadowed request: it shows the tap what passes by and never
 * waits for it. Event-loop confined; every method is cheap (a bounded copy at most).
 */
public interface ShadowTap {
  /** Why a mirror or a serving exchange was cut by the edge's shutdown; its pair counts as dropped. */
  String SHUTDOWN = "shutdown";

  /** A piece of the client's request body ({@code last}: the body is complete). */
  void requestBody(ByteBuf content, boolean last);

  /**
   * The serving side's response head, as the upstream sent it. The tap may keep the headers
   * object, which the exchange then rewrites for the client (hop-by-hop headers, {@code Via});
   * a tap that needs them as sent copies them now.
   */
  void primaryHead(HttpResponse res);

  /** A piece of the serving side's response body. */
  void primaryBody(ByteBuf content);

  /** The serving side's response is complete. */
  void primaryDone();

  /**
   * The serving side failed or the client went away: there is nothing to compare with. For
   * {@link #SHUTDOWN} the pair counts as dropped, else as skipped ({@code primary-<reason>}).
   */
  void primaryFailed(String reason);
}
