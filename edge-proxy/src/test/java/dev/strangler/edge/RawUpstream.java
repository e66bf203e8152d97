package dev.strangler.edge;

import dev.strangler.routing.Side;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain {@link ServerSocket} upstream for exact behaviour on the wire (answering, not answering,
 * closing, switching protocols): each connection gets a thread that runs a {@link Conversation}
 * and closes the socket when it returns or throws.
 */
public final class RawUpstream implements AutoCloseable {
  /** What the upstream does on one connection; {@code connection} counts accepted connections from 0. */
  public interface Conversation {
    void run(Socket socket, int connection) throws Exception;
  }

  /** A request as read off the wire; header names in lower case. */
  public record Request(String line, Map<String, String> headers, byte[] body) {}

  private final ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();

  public RawUpstream(Conversation conversation) {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          int id = connections.getAndIncrement();
          Thread t = new Thread(() -> {
            try (s) {
              conversation.run(s, id);
            } catch (Exception e) {
              // the conversation ends here: the socket closes
            }
          }, "raw-upstream-" + id);
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    }, "raw-upstream-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Reads one request with its Content-Length body; null when the peer closed before one began. */
  public static Request read(InputStream in) throws IOException {
    String line = line(in);
    if (line == null) {
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int c = h.indexOf(':');
      headers.put(h.substring(0, c).trim().toLowerCase(Locale.ROOT), h.substring(c + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    return new Request(line, headers, in.readNBytes(length));
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (b != '\r') {
        sb.append((char) b);
      }
    }
    return b == -1 && sb.length() == 0 ? null : sb.toString();
  }

  /** Writes ASCII text and flushes. */
  public static void write(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
  }

  /** A real edge in front of this upstream: every path routed to it as the legacy side, which serves. */
  public EdgeHarness behind(Path dir) throws InterruptedException {
    return new EdgeHarness(TestConfigs.config(dir, url(), url(), List.of(TestConfigs.route("all", "/**", Side.LEGACY))));
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
