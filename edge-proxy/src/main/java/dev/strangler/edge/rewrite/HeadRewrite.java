package dev.strangler.edge.rewrite;

import dev.strangler.config.RouteConfig;
import dev.strangler.rewrite.HeaderEdits;
import dev.strangler.rewrite.RequestRewrite;
import dev.strangler.routing.Side;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Applies a route's per-side {@link RequestRewrite} (routes.yaml {@code rewrite}) to a Netty
 * request head, in place: for the serving request before its head goes up, for the mirror and
 * for the noise repeat. The rewrite itself (path template, query, headers) is shadow-diff's,
 * shared with replay; this class only adapts Netty's headers.
 */
public final class HeadRewrite {
  private HeadRewrite() {}

  /** Rewrites {@code head} for {@code side}; nothing changes when the route has no rewrite for it. */
  public static void apply(RouteConfig route, Side side, HttpRequest head) {
    RequestRewrite rewrite = route.rewriteOf(side);
    if (rewrite == null) {
      return;
    }
    if (rewrite.rewritesTarget()) {
      head.setUri(rewrite.target(head.uri()));
    }
    if (rewrite.rewritesHeaders()) {
      rewrite.headers(edits(head.headers()));
    }
  }

  /**
   * Rewrites the serving request for {@code side} and returns the head as it was received (a
   * copy, when the rewrite changed it and the route may tap it for a mirror or a capture), so
   * that mirrors get the other side's rewrite and captures hold what the client sent.
   */
  public static HttpRequest serving(RouteConfig route, Side side, HttpRequest head) {
    if (route.rewriteOf(side) == null) {
      return head;
    }
    HttpRequest received = !route.shadow().enabled() && route.record().sample() == 0 ? head
        : new DefaultHttpRequest(head.protocolVersion(), head.method(), head.uri(), head.headers().copy());
    apply(route, side, head);
    return received;
  }

  private static HeaderEdits edits(HttpHeaders headers) {
    return new HeaderEdits() {
      @Override
      public void set(String name, String value) {
        headers.set(name, value);
      }

      @Override
      public void remove(String name) {
        headers.remove(name);
      }
    };
  }
}
