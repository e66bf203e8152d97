package dev.strangler.demo.web;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running demo server (JDK HttpServer on a bounded thread pool) and what it owns; {@link #close()}
 * stops it and releases its resources.
 */
public final class ServerHandle implements AutoCloseable {
  private static final int THREADS = 16;
  private static final int QUEUE = 256;

  private final HttpServer server;
  private final ExecutorService executor;
  private final AutoCloseable resources;

  private ServerHandle(HttpServer server, ExecutorService executor, AutoCloseable resources) {
    this.server = server;
    this.executor = executor;
    this.resources = resources;
  }

  /**
   * Binds {@code address} (port 0 for an ephemeral port) and serves {@code handler} on every path.
   * {@code resources} are closed when the server is closed, or right away if binding fails.
   */
  public static ServerHandle start(
      String name, InetSocketAddress address, HttpHandler handler, AutoCloseable resources) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE),
            daemonThreads(name), new ThreadPoolExecutor.CallerRunsPolicy());
    executor.allowCoreThreadTimeOut(true);
    try {
      HttpServer server = HttpServer.create(address, 128);
      server.createContext("/", handler);
      server.setExecutor(executor);
      server.start();
      return new ServerHandle(server, executor, resources);
    } catch (IOException e) {
      executor.shutdownNow();
      closeQuietly(resources, e);
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
  }

  /** The bound port (the real one when started on port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://host:port} of this server. */
  public URI baseUri() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
  }

  /** Stops accepting, ends in-flight work and closes the owned resources. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    try {
      resources.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing server resources failed", e);
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void closeQuietly(AutoCloseable resources, Exception cause) {
    try {
      resources.close();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }
}
