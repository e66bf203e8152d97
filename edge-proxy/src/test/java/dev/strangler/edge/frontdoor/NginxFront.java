package dev.strangler.edge.frontdoor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx (nginx-light) as a plain reverse proxy to one upstream, with the same limits as
 * the edge under test (8 KiB request line, 16 KiB headers, 1 MiB body), for differential tests.
 * {@link #available()} says whether it is installed; tests skip with a message where not.
 */
final class NginxFront implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/sbin/nginx");

  private final Process process;
  private final int port;
  private final Path dir;

  private NginxFront(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** Starts nginx proxying to {@code upstreamPort}, with its files under {@code dir}. */
  static NginxFront start(Path dir, int upstreamPort) throws IOException, InterruptedException {
    int port = freePort();
    Files.createDirectories(dir);
    String conf = """
        worker_processes 1;
        daemon off;
        master_process off;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log info;
        events { worker_connections 1024; }
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          client_header_buffer_size 1k;
          large_client_header_buffers 4 16k;
          client_max_body_size 1m;
          upstream up { server 127.0.0.1:%2$d; keepalive 16; }
          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_pass http://up;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
            }
          }
        }
        """.formatted(dir, upstreamPort, port);
    Path file = dir.resolve("nginx.conf");
    Files.writeString(file, conf);
    Process p = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", file.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!listening(port)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("nginx did not start: " + Files.readString(dir.resolve("stdout.log"))
            + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
      }
      Thread.sleep(50);
    }
    return new NginxFront(p, port, dir);
  }

  int port() {
    return port;
  }

  /** nginx's error log so far (why it refused a request). */
  String errorLog() throws IOException {
    Path log = dir.resolve("error.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
