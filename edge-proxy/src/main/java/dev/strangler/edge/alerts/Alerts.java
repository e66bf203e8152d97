package dev.strangler.edge.alerts;

import dev.strangler.config.AlertsConfig;
import dev.strangler.config.EdgeConfig;
import dev.strangler.edge.fleet.Backoff;
import dev.strangler.edge.routing.AuditTaken;
import dev.strangler.store.AuditEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs every audit entry this instance takes (flip, weight change, guard rollback) as JSON
 * ({@link AlertJson}) to {@code alerts.webhook}, once fleet-wide: only the instance that took an
 * entry sends it. Off the data plane: {@link #taken} only offers to a bounded queue (an event the
 * queue has no room for is dropped, counted and logged); one thread of its own delivers the
 * events in order, each retried with a doubling backoff ({@value #FIRST_BACKOFF_MILLIS} ms up to
 * {@value #MAX_BACKOFF_MILLIS} ms) until the receiver answers 2xx or the event is older than
 * {@code alerts.max-age}, when it is given up, counted and logged. The webhook in force when the
 * entry was taken is the one used; the queue size is read at start. Logs name the webhook's host,
 * never its path or query, which may hold a secret.
 *
 * <p>Series: {@code edge_alerts_total{result=delivered|dropped|expired}} and
 * {@code edge_alert_retries_total} (failed attempts followed by another).
 */
public final class Alerts implements AuditTaken, AutoCloseable {
  static final long FIRST_BACKOFF_MILLIS = 500;
  static final long MAX_BACKOFF_MILLIS = 30_000;
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
  private static final long CLOSE_WAIT_MILLIS = 2_000;

  /** One event waiting for delivery, with the webhook settings in force when it was taken. */
  private record Pending(AlertKind kind, AuditEntry entry, AlertsConfig target, long bornNanos) {}

  private final ArrayBlockingQueue<Pending> queue;
  /** Built by the delivery thread at its first alert, so that an edge without alerts has none. */
  private HttpClient http;
  private final Counter delivered;
  private final Counter dropped;
  private final Counter expired;
  private final Counter retries;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * Starts the delivery thread.
   *
   * @param queueSize events waiting at most ({@code alerts.queue} at start)
   */
  public Alerts(int queueSize, MeterRegistry registry) {
    this.queue = new ArrayBlockingQueue<>(queueSize);
    this.delivered = result(registry, "delivered");
    this.dropped = result(registry, "dropped");
    this.expired = result(registry, "expired");
    this.retries = Counter.builder("edge_alert_retries").description("Failed alert deliveries tried again")
        .register(registry);
    this.thread = new Thread(this::run, "edge-alerts");
    thread.setDaemon(true);
    thread.start();
  }

  private static Counter result(MeterRegistry registry, String result) {
    return Counter.builder("edge_alerts").description("Alerts by what became of them")
        .tag("result", result).register(registry);
  }

  /** Queues the alert of an entry this instance took, when a webhook is configured. Never blocks. */
  @Override
  public void taken(AuditEntry entry, EdgeConfig config) {
    offer(AlertKind.of(entry), entry, config.alerts());
  }

  /** Queues an alert for {@code target}'s webhook (nothing when it has none). Never blocks. */
  public void offer(AlertKind kind, AuditEntry entry, AlertsConfig target) {
    if (!target.enabled()) {
      return;
    }
    if (closed || !queue.offer(new Pending(kind, entry, target, System.nanoTime()))) {
      dropped.increment();
      LOG.warn("alert {} seq={} route={} dropped: {}", kind.id(), entry.seq(), entry.route(),
          closed ? "the edge is stopping" : "the queue of " + (queue.size() + queue.remainingCapacity())
              + " is full");
    }
  }

  /** Alerts the webhook accepted (2xx). */
  public long delivered() {
    return (long) delivered.count();
  }

  /** Alerts dropped: the queue was full, or the edge stopped before delivering them. */
  public long dropped() {
    return (long) dropped.count();
  }

  /** Alerts given up after {@code max-age}. */
  public long expired() {
    return (long) expired.count();
  }

  /** Failed attempts that were tried again. */
  public long retries() {
    return (long) retries.count();
  }

  private void run() {
    try {
      while (!closed) {
        deliver(queue.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Tries one event until it is accepted or too old; an interrupt (close) drops it. */
  private void deliver(Pending p) throws InterruptedException {
    if (http == null) {
      http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }
    Backoff backoff = new Backoff(FIRST_BACKOFF_MILLIS, MAX_BACKOFF_MILLIS);
    URI webhook = p.target().webhook();
    HttpRequest request = HttpRequest.newBuilder(webhook)
        .timeout(p.target().timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(AlertJson.of(p.kind(), p.entry())))
        .build();
    while (true) {
      String failure;
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          delivered.increment();
          return;
        }
        failure = "answered " + status;
      } catch (InterruptedException e) {
        dropped.increment();
        throw e;
      } catch (Exception e) {
        failure = e.getClass().getSimpleName();
      }
      long ageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - p.bornNanos());
      long left = p.target().maxAge().toMillis() - ageMillis;
      String what = p.kind().id() + " seq=" + p.entry().seq() + " route=" + p.entry().route() + " to "
          + webhook.getHost() + (webhook.getPort() < 0 ? "" : ":" + webhook.getPort());
      if (left <= 0) {
        expired.increment();
        LOG.error("alert {} given up after {} ms: {}", what, ageMillis, failure);
        return;
      }
      long delay = Math.min(backoff.next(), left);
      retries.increment();
      LOG.warn("alert {} failed ({}); retrying in {} ms", what, failure, delay);
      Thread.sleep(delay);
    }
  }

  /**
   * Stops delivering: waits up to {@value #CLOSE_WAIT_MILLIS} ms for the queue to empty, then
   * drops (and counts) what is left, the event being tried included.
   */
  @Override
  public void close() {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
    while (!queue.isEmpty() && System.nanoTime() < until) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    closed = true;
    thread.interrupt();
    try {
      thread.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int left = queue.size();
    queue.clear();
    if (left > 0) {
      dropped.increment(left);
      LOG.warn("{} alert(s) still queued at stop were dropped", left);
    }
  }
}
