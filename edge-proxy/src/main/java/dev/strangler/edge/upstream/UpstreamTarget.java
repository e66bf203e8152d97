package dev.strangler.edge.upstream;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One target of an upstream with passive health: after {@code ejectAfter} consecutive failures
 * (connect errors, resets, timeouts) it is skipped for {@code ejectFor}.
 */
public final class UpstreamTarget {
  private final URI uri;
  private final InetSocketAddress address;
  private final int ejectAfter;
  private final long ejectForNanos;
  private final int mirrorPipelining;
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private volatile long ejectedUntil;

  UpstreamTarget(URI uri, int ejectAfter, Duration ejectFor, int mirrorPipelining) {
    this.uri = uri;
    this.mirrorPipelining = mirrorPipelining;
    this.address = InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
    this.ejectAfter = ejectAfter;
    this.ejectForNanos = ejectFor.toNanos();
  }

  public URI uri() {
    return uri;
  }

  public InetSocketAddress address() {
    return address;
  }

  /** Mirror requests of safe methods that may wait for their answers on one connection. */
  public int mirrorPipelining() {
    return mirrorPipelining;
  }

  /** Whether the target is in service at this instant ({@link System#nanoTime()}). */
  boolean available(long now) {
    return now - ejectedUntil >= 0;
  }

  long ejectedUntil() {
    return ejectedUntil;
  }

  /** A request to this target succeeded: the failure streak ends. */
  public void succeeded() {
    if (consecutiveFailures.get() != 0) {
      consecutiveFailures.set(0);
    }
  }

  /** A request to this target failed; ejects it when the streak reaches the threshold. */
  public void failed() {
    if (consecutiveFailures.incrementAndGet() >= ejectAfter) {
      consecutiveFailures.set(0);
      ejectedUntil = System.nanoTime() + ejectForNanos;
    }
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
