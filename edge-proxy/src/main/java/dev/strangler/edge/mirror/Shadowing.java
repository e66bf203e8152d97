package dev.strangler.edge.mirror;

import dev.strangler.http.Methods;
import dev.strangler.capture.CaptureLine;
import dev.strangler.config.RouteConfig;
import dev.strangler.config.ShadowConfig;
import dev.strangler.edge.upstream.Upstreams;
import dev.strangler.routing.Side;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Decides which requests are mirrored or recorded and taps them. A mirror goes to the side that
 * does not serve, in parallel with the serving request, on its own connections, under in-flight
 * bounds; the client never waits for it. Every mirror-eligible request (route shadow enabled,
 * method listed, writes allowed, sampled in) ends in exactly one outcome, settled in the
 * {@link OutcomeLedger}: match, diff, shadow_error, extract_failed, dropped or skipped.
 */
public final class Shadowing {

  private final MirrorClients mirrors;
  private final OutcomeLedger ledger;
  private final JudgeBatches batches;
  private final ShadowPair.Sink sink;

  /**
   * @param mirrors  the mirror clients, per event loop and shadow target
   * @param ledger   where outcomes are settled and in-flight slots taken
   * @param batches  takes the tasks to judge, once per event-loop iteration
   * @param captures takes the capture lines of recorded requests; never blocks
   */
  Shadowing(MirrorClients mirrors, OutcomeLedger ledger, JudgeBatches batches, Consumer<CaptureLine> captures) {
    this.mirrors = mirrors;
    this.ledger = ledger;
    this.batches = batches;
    this.sink = new ShadowPair.Sink() {
      @Override
      public void recorded(CaptureLine line) {
        captures.accept(line);
      }

      @Override
      public void ended(PairEnd end) {
        ledger.settle(end, batches);
      }

      @Override
      public void repeatEnded(String route) {
        ledger.repeatEnded(route);
      }
    };
  }

  /**
   * Starts tapping a request that is about to go to its serving side, or returns null when the
   * request is neither mirrored nor recorded. {@code upstreamRequest} is the head as the edge
   * received it, with its forwarding headers but before the serving side's rewrite. A bodiless
   * mirrored GET sampled by {@code shadow.noise.sample} is also repeated to the serving
   * side when an in-flight slot is free ({@link NoiseRepeat}).
   */
  public ShadowTap begin(RouteConfig route, HttpRequest upstreamRequest, String requestId, Side servedBy,
      Upstreams upstreams, EventLoop loop, boolean upgrade) {
    if (upgrade) {
      return null;
    }
    boolean mirror = mirrored(route, upstreamRequest);
    boolean record = sampled(route.record().sample());
    if (mirror && !ledger.admit(route)) {
      mirror = false;
    }
    if (mirror && HttpUtil.getContentLength(upstreamRequest, 0L) > route.shadow().maxBody()) {
      ledger.settle(new PairEnd.Skipped(route.id(), "request-body-too-large"), batches);
      mirror = false;
    }
    if (!mirror && !record) {
      return null;
    }
    HttpRequest head = new DefaultHttpRequest(upstreamRequest.protocolVersion(), upstreamRequest.method(),
        upstreamRequest.uri(), upstreamRequest.headers().copy());
    boolean body = HttpUtil.isTransferEncodingChunked(upstreamRequest) || HttpUtil.getContentLength(upstreamRequest, 0L) > 0;
    boolean repeat = mirror && !body && "GET".equals(head.method().name())
        && sampled(route.shadow().noise().sample()) && ledger.admitRepeat(route);
    return new ShadowPair(sink, route, servedBy, requestId, head, loop, body,
        mirror ? mirrors.of(upstreams.group(servedBy.other()).pick(), loop) : null,
        repeat ? mirrors.of(upstreams.group(servedBy).pick(), loop) : null, record);
  }

  /** Mirror-eligible: shadowing on, method listed, writes allowed, sampled in. */
  private static boolean mirrored(RouteConfig route, HttpRequest req) {
    ShadowConfig s = route.shadow();
    String method = req.method().name();
    return s.enabled() && s.methods().contains(method) && (Methods.isSafe(method) || s.mirrorWrites())
        && sampled(s.sample());
  }

  private static boolean sampled(double rate) {
    return rate >= 1.0 || (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate);
  }
}
