package dev.strangler.edge.mirror;

import dev.strangler.config.RouteConfig;
import dev.strangler.routing.Side;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpRequest;
import java.util.Optional;

/**
 * The noise-learning repeat of one mirrored request: the same bodiless safe request sent a second
 * time to the side that served it, through the mirror clients like a mirror (same pools, same
 * timeout, rewritten for that side, marked as shadow traffic), off the client's path. Its answer
 * and the served one are two answers of the same side: what differs between them is noise. It
 * holds an in-flight slot of the route, given back when it ends. Event-loop confined.
 */
final class NoiseRepeat implements MirrorCall.Listener {
  private final MirrorCall call;
  private final Runnable ended;
  private final MirrorClient client;
  private ResponseCapture answer;
  private boolean done;

  /**
   * @param head   the head as the edge received it (the call copies its headers)
   * @param ended  told once when the repeat ended, whichever way
   * @param client the mirror client of a serving-side target
   */
  NoiseRepeat(HttpRequest head, RouteConfig route, Side servedBy, int maxBody, Runnable ended, MirrorClient client) {
    this.call = new MirrorCall(head, Unpooled.EMPTY_BUFFER, true, route, servedBy, maxBody,
        route.shadow().timeout().toNanos(), this);
    this.ended = ended;
    this.client = client;
  }

  void start() {
    call.start(client);
  }

  boolean done() {
    return done;
  }

  /** The second answer, when it came in full. */
  Optional<ResponseCapture> answer() {
    return answer == null || answer.overflowed() ? Optional.empty() : Optional.of(answer);
  }

  @Override
  public void answered(ResponseCapture answer) {
    this.answer = answer;
    end();
  }

  @Override
  public void failed(String reason) {
    end();
  }

  @Override
  public void dropped(String reason) {
    end();
  }

  private void end() {
    if (!done) {
      done = true;
      ended.run();
    }
  }
}
