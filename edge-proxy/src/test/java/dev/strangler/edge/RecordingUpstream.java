package dev.strangler.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A raw-socket upstream that records the exact bytes of every request it receives, and on which
 * connection, and answers each with bytes of the test's choosing (or closes without answering).
 * It frames requests itself (Content-Length or chunked), so what it records is what a real
 * server would take as one request. Runs on a {@link RawUpstream}; for tests only.
 */
public final class RecordingUpstream implements AutoCloseable {
  /** One request as received: its connection (numbered from 1) and its bytes, head and body. */
  public record Request(int connection, byte[] bytes) {
    public String text() {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The request line. */
    public String line() {
      String t = text();
      return t.substring(0, t.indexOf("\r\n"));
    }
  }

  /** A plain 200 with a two-byte body. */
  public static final byte[] OK = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

  private final Function<Request, byte[]> answer;
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private final RawUpstream raw;

  /** @param answer the bytes to answer a request with; null closes the connection without an answer */
  public RecordingUpstream(Function<Request, byte[]> answer) {
    this.answer = answer;
    this.raw = new RawUpstream(this::serve);
  }

  /** Answers every request with {@link #OK}. */
  public static RecordingUpstream ok() {
    return new RecordingUpstream(r -> OK);
  }

  public static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  public int port() {
    return raw.port();
  }

  public String url() {
    return raw.url();
  }

  public List<Request> received() {
    return received;
  }

  private void serve(Socket s, int connection) throws IOException {
    InputStream in = s.getInputStream();
    OutputStream out = s.getOutputStream();
    for (byte[] bytes = readRequest(in); bytes != null; bytes = readRequest(in)) {
      Request r = new Request(connection + 1, bytes);
      received.add(r);
      byte[] reply = answer.apply(r);
      if (reply == null) {
        return;
      }
      out.write(reply);
      out.flush();
    }
  }

  /** One request's bytes, or null at the end of the connection. */
  private static byte[] readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while (matched < 4) {
      b = in.read();
      if (b < 0) {
        return null;
      }
      buf.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String head = buf.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    if (head.contains("\r\ntransfer-encoding:") && head.contains("chunked")) {
      readChunked(in, buf);
    } else {
      int at = head.indexOf("\r\ncontent-length:");
      if (at >= 0) {
        int end = head.indexOf("\r\n", at + 2);
        long n = Long.parseLong(head.substring(at + 17, end).trim());
        buf.write(in.readNBytes((int) n));
      }
    }
    return buf.toByteArray();
  }

  private static void readChunked(InputStream in, ByteArrayOutputStream buf) throws IOException {
    while (true) {
      String size = readLine(in, buf);
      int n = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (n == 0) {
        while (!readLine(in, buf).isEmpty()) {
          // trailers
        }
        return;
      }
      buf.write(in.readNBytes(n));
      readLine(in, buf);
    }
  }

  private static String readLine(InputStream in, ByteArrayOutputStream buf) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      buf.write(b);
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    if (b < 0) {
      throw new IOException("connection closed inside a chunked body");
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }
}
