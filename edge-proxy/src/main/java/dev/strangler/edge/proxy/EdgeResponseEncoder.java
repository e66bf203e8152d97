package dev.strangler.edge.proxy;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;

/**
 * Response encoder that knows when the request was HEAD, so that a response head announcing a
 * body (chunked or with a length) is written without one.
 */
final class EdgeResponseEncoder extends HttpResponseEncoder {
  private boolean headRequest;

  void headRequest(boolean head) {
    this.headRequest = head;
  }

  @Override
  protected boolean isContentAlwaysEmpty(HttpResponse msg) {
    return headRequest || super.isContentAlwaysEmpty(msg);
  }
}
