package dev.strangler.edge.upstream;

/**
 * Whoever currently owns a pooled upstream connection: a client exchange or a mirror call.
 * Called on the connection's event loop.
 */
public interface UpstreamListener {
  /** An HTTP object from the upstream (raw bytes only after a protocol switch not handed off). */
  void upstreamRead(Object msg);

  /** The end of a read burst. */
  default void upstreamReadComplete() {}

  /** The connection's writability changed. */
  default void upstreamWritabilityChanged() {}

  /** Nothing was read from the connection for the idle timeout. */
  default void upstreamIdle() {}

  /** The connection closed. */
  void upstreamClosed();
}
