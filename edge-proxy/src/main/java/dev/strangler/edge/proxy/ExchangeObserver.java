package dev.strangler.edge.proxy;

import dev.strangler.routing.Side;

/** What the data plane reports about each exchange (metrics). Called on event loops: never block. */
public interface ExchangeObserver {

  /** A routed request was sent towards a side. */
  void started(String route, Side side);

  /** A routed request ended with this status (499: the client went away first). */
  void finished(String route, Side side, int status, long durationNanos);

  /** A request was refused before routing (400, 413, 414, 431, 404 no-route). */
  void rejected(int status, String reason);

  /** A routed request failed at the upstream (connect failure, reset, timeout). */
  void upstreamError(String route, Side side, String reason);

  /** Reports nothing. */
  ExchangeObserver NONE =
      new ExchangeObserver() {
        @Override
        public void started(String route, Side side) {}

        @Override
        public void finished(String route, Side side, int status, long durationNanos) {}

        @Override
        public void rejected(int status, String reason) {}

        @Override
        public void upstreamError(String route, Side side, String reason) {}
      };
}
