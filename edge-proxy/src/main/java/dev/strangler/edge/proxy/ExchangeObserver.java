package dev.strangler.edge.proxy;

import dev.strangler.routing.Side;

/**
 * What the data plane reports about each exchange (metrics). Called on event loops: never block.
 * Every method does nothing unless overridden.
 */
public interface ExchangeObserver {

  /** A routed request was sent towards a side. */
  default void started(String route, Side side) {}

  /** A routed request ended with this status (499: the client went away first). */
  default void finished(String route, Side side, int status, long durationNanos) {}

  /** A request was refused before routing (400, 408, 413, 414, 431, 501, 505, 404 no-route). */
  default void rejected(int status, String reason) {}

  /** A routed request failed at the upstream (connect failure, reset, timeout, a malformed answer). */
  default void upstreamError(String route, Side side, String reason) {}

  /** Reports nothing. */
  ExchangeObserver NONE = new ExchangeObserver() {};

  /** Reports to {@code first}, then to {@code second}. */
  static ExchangeObserver both(ExchangeObserver first, ExchangeObserver second) {
    return new ExchangeObserver() {
      @Override
      public void started(String route, Side side) {
        first.started(route, side);
        second.started(route, side);
      }

      @Override
      public void finished(String route, Side side, int status, long durationNanos) {
        first.finished(route, side, status, durationNanos);
        second.finished(route, side, status, durationNanos);
      }

      @Override
      public void rejected(int status, String reason) {
        first.rejected(status, reason);
        second.rejected(status, reason);
      }

      @Override
      public void upstreamError(String route, Side side, String reason) {
        first.upstreamError(route, side, reason);
        second.upstreamError(route, side, reason);
      }
    };
  }
}
