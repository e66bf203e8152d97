package dev.strangler.edge.mirror;

import dev.strangler.capture.CaptureLine;
import dev.strangler.config.RouteConfig;
import dev.strangler.config.ShadowConfig;
import dev.strangler.edge.upstream.UpstreamGroup;
import dev.strangler.edge.upstream.UpstreamPools;
import dev.strangler.record.Outcome;
import dev.strangler.routing.Side;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides which requests are mirrored or recorded and runs the mirrors. A mirror goes to the
 * side that does not serve, in parallel with the serving request, on its own pools, under
 * in-flight bounds; the client never waits for it. Every mirror-eligible request (route shadow enabled, method listed,
 * writes allowed, sampled in) ends in exactly one outcome: match, diff, shadow_error,
 * extract_failed, dropped or skipped.
 */
public final class Shadowing implements AutoCloseable {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  static final String SHADOW_HEADER = "X-Shadow-Request";

  private final MirrorClients mirrors;
  private final ShadowGate gate;
  private final ShadowOutcomes outcomes;
  private final PairJudge judge;
  private final JudgeBatches batches;
  private final CaptureSink captures;

  /**
   * @param pools     mirror-only connection pools (closed with this)
   * @param global    mirrors in flight at most, all routes together (per route: the route's
   *                  {@code shadow.max-in-flight})
   * @param outcomes  the outcome counters
   * @param judge     compares completed pairs off the event loop
   * @param captures  takes the pairs sampled for recording ({@code record.sample})
   */
  public Shadowing(UpstreamPools pools, int global, ShadowOutcomes outcomes, PairJudge judge, CaptureSink captures) {
    this.captures = captures;
    this.mirrors = new MirrorClients(pools);
    this.gate = new ShadowGate(global);
    this.outcomes = outcomes;
    this.judge = judge;
    this.batches = new JudgeBatches(this::judge);
  }

  /**
   * Starts tapping a request that is about to go to its serving side, or returns null when the
   * request is neither mirrored nor recorded. {@code upstreamRequest} is the head as the serving
   * side gets it.
   */
  public ShadowTap begin(RouteConfig route, HttpRequest upstreamRequest, String requestId, Side servedBy,
      UpstreamGroup shadowSide, EventLoop loop, boolean upgrade) {
    if (upgrade) {
      return null;
    }
    boolean mirror = mirrored(route, upstreamRequest);
    boolean record = sampled(route.record().sample());
    if (mirror && !gate.tryEnter(route.id(), route.shadow().maxInFlight())) {
      outcomes.count(route.id(), Outcome.DROPPED, "in-flight-limit");
      mirror = false;
    }
    if (mirror && HttpUtil.getContentLength(upstreamRequest, 0L) > route.shadow().maxBody()) {
      gate.exit(route.id());
      outcomes.count(route.id(), Outcome.SKIPPED, "request-body-too-large");
      mirror = false;
    }
    if (!mirror && !record) {
      return null;
    }
    HttpRequest head = new DefaultHttpRequest(upstreamRequest.protocolVersion(), upstreamRequest.method(),
        upstreamRequest.uri(), upstreamRequest.headers().copy());
    boolean body = HttpUtil.isTransferEncodingChunked(upstreamRequest) || HttpUtil.getContentLength(upstreamRequest, 0L) > 0;
    return new ShadowPair(this, route, servedBy, requestId, head, loop, body, mirror ? shadowSide.pick() : null, record);
  }

  /** Mirror-eligible: shadowing on, method listed, writes allowed, sampled in. */
  private static boolean mirrored(RouteConfig route, HttpRequest req) {
    ShadowConfig s = route.shadow();
    String method = req.method().name();
    return s.enabled() && s.methods().contains(method) && (SAFE.contains(method) || s.mirrorWrites())
        && sampled(s.sample());
  }

  private static boolean sampled(double rate) {
    return rate >= 1.0 || (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate);
  }

  /** Sends the pair's mirror request (its body, if any, is complete). */
  void sendMirror(ShadowPair pair) {
    new MirrorCall(pair).start(mirrors.of(pair.shadowTarget, pair.loop));
  }

  /** Every part is done: record it, then settle the outcome now or hand the pair to the judge. */
  void complete(ShadowPair pair) {
    if (pair.record) {
      captures.offer(pair.toCaptureLine());
    }
    if (!pair.mirror) {
      return;
    }
    gate.exit(pair.route.id());
    String route = pair.route.id();
    if (pair.dropReason != null) {
      outcomes.count(route, Outcome.DROPPED, pair.dropReason);
    } else if (pair.skipReason != null) {
      outcomes.count(route, Outcome.SKIPPED, pair.skipReason);
    } else if (pair.primaryError != null) {
      outcomes.count(route, Outcome.SKIPPED, "primary-" + pair.primaryError);
    } else if (pair.primary.overflowed() || (pair.shadow != null && pair.shadow.overflowed())) {
      outcomes.count(route, Outcome.SKIPPED, "response-too-large");
    } else {
      batches.add(pair);
    }
  }

  /** Hands a batch to the judge; what its queue cannot take is dropped and counted. */
  private void judge(List<ShadowPair> pairs) {
    for (int i = judge.submit(pairs); i < pairs.size(); i++) {
      outcomes.count(pairs.get(i).route.id(), Outcome.DROPPED, "judge-queue-full");
    }
  }

  /** Mirrors in flight now. */
  public int inFlight() {
    return gate.inFlight();
  }

  public ShadowOutcomes outcomes() {
    return outcomes;
  }

  @Override
  public void close() {
    mirrors.close();
    judge.close();
    captures.close();
  }

  /** Takes recorded pairs; never blocks (a full queue drops and counts). */
  public interface CaptureSink extends AutoCloseable {
    void offer(CaptureLine line);

    @Override
    void close();
  }

  /** Compares completed pairs off the event loop and counts their outcome (shadow_error included). */
  public interface PairJudge extends AutoCloseable {
    /**
     * Queues the first pairs of a batch, as many as the queue has room for, and returns how many
     * (the rest are then dropped). Never blocks.
     */
    int submit(List<ShadowPair> pairs);

    @Override
    void close();
  }
}
