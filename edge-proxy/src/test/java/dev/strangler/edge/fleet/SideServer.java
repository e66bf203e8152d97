package dev.strangler.edge.fleet;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real JDK HTTP server standing in for one side: every request gets 200 naming the side in
 * {@value #SIDE} and no body, so each answer leaves in one write (a body would be a second small
 * write, held back by Nagle until the edge's delayed ACK: ~40 ms on every request).
 */
final class SideServer implements AutoCloseable {
  static final String SIDE = "X-Side";

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  SideServer(String side) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set(SIDE, side);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.setExecutor(pool);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
