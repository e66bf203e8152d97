package dev.strangler.edge.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real JDK HTTP server taking alerts on {@code /hook}: it answers 503 to the first
 * {@code refusals} POSTs and 200 to the rest, recording the bodies it accepted. It may be made
 * for a port before it listens ({@link #reserve}, then {@link #start}), to play a receiver that
 * is down at first.
 */
public final class WebhookReceiver implements AutoCloseable {
  private final int port;
  private final AtomicInteger refusals;
  private final AtomicInteger posts = new AtomicInteger();
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private HttpServer server;

  private WebhookReceiver(int port, int refusals) {
    this.port = port;
    this.refusals = new AtomicInteger(refusals);
  }

  /** A receiver for a free port, not listening yet. */
  public static WebhookReceiver reserve() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return new WebhookReceiver(s.getLocalPort(), 0);
    }
  }

  /** A receiver listening now, that refuses the first {@code refusals} alerts with 503. */
  public static WebhookReceiver refusingFirst(int refusals) throws IOException {
    WebhookReceiver r;
    try (ServerSocket s = new ServerSocket(0)) {
      r = new WebhookReceiver(s.getLocalPort(), refusals);
    }
    return r.start();
  }

  /** Starts listening. */
  public WebhookReceiver start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      posts.incrementAndGet();
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      int status = refusals.getAndDecrement() > 0 ? 503 : 200;
      if (status == 200) {
        accepted.add(body);
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    return this;
  }

  /** Holds every answer until {@link #release}. */
  public void hold() {
    hold = new CountDownLatch(1);
  }

  public void release() {
    hold.countDown();
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/hook?token=s3cret";
  }

  /** Bodies answered 200, in order. */
  public List<String> accepted() {
    return accepted;
  }

  /** POSTs received, refused ones included. */
  public int posts() {
    return posts.get();
  }

  /** Waits until an accepted body matches. */
  public String await(Predicate<String> match) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (String body : accepted) {
        if (match.test(body)) {
          return body;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no accepted alert matched; accepted: " + accepted);
  }

  @Override
  public void close() {
    release();
    if (server != null) {
      server.stop(0);
    }
  }
}
