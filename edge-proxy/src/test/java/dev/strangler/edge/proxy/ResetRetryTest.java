package dev.strangler.edge.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.RawUpstream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's retry rule against an upstream that drops kept-alive connections: a request on a
 * reused pooled connection that the upstream closed before answering is retried once, on a fresh
 * connection, when nothing of it was sent or it is idempotent and bodiless; otherwise 502
 * upstream-reset.
 *
 * <p>The upstream answers the first request of a connection and closes the connection on the
 * next one without answering. Before each test, {@link #WARM} clients ask at once and the upstream
 * holds its answers until all have asked, so every event loop's pool ends up with two idle
 * connections that each served a request: a retry that took an idle connection instead of a fresh
 * one would meet a stale connection again.
 */
class ResetRetryTest {
  /** Client connections warming the pools: two per event loop of the harness (two loops, round-robin). */
  static final int WARM = 4;

  /** A request the upstream read: its request line, on which connection, and how many came before it there. */
  record Seen(String line, int connection, int nth) {}

  @TempDir Path dir;
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  final CountDownLatch warm = new CountDownLatch(WARM);
  final List<RawClient> clients = new ArrayList<>();
  volatile boolean answerNewConnections = true;
  volatile int idleCloseMillis;
  @AutoClose final RawUpstream upstream = new RawUpstream(this::converse);
  @AutoClose EdgeHarness edge;

  @BeforeEach
  void start() throws Exception {
    edge = upstream.behind(dir);
  }

  @AfterEach
  void stop() throws Exception {
    for (RawClient c : clients) {
      c.close();
    }
  }

  /** Answers the first request of a connection (keep-alive); reads the next and closes without answering. */
  private void converse(Socket s, int connection) throws Exception {
    InputStream in = s.getInputStream();
    for (int nth = 0; ; nth++) {
      RawUpstream.Request r = RawUpstream.read(in);
      if (r == null) {
        return;
      }
      seen.add(new Seen(r.line(), connection, nth));
      if (nth > 0 || !answerNewConnections) {
        return;
      }
      warm.countDown();
      warm.await(10, TimeUnit.SECONDS);
      RawUpstream.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
      s.setSoTimeout(idleCloseMillis);
    }
  }

  /** Opens {@link #WARM} clients whose first requests reach the upstream together; returns the first. */
  private RawClient warmPools() throws Exception {
    for (int i = 0; i < WARM; i++) {
      clients.add(new RawClient(edge.port()).send("GET /warm HTTP/1.1\r\nHost: h\r\n\r\n"));
    }
    for (RawClient c : clients) {
      assertThat(c.read(false).status()).isEqualTo(200);
    }
    assertThat(seen).hasSize(WARM);
    return clients.get(0);
  }

  private List<Seen> seenOf(String line) {
    return seen.stream().filter(s -> s.line().equals(line)).toList();
  }

  @Test
  void idempotentRequestOnAClosedReusedConnectionIsRetriedOnceOnAFreshOne() throws Exception {
    RawClient c = warmPools();
    var r = c.send("GET /again HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("ok");
    List<Seen> attempts = seenOf("GET /again HTTP/1.1");
    assertThat(attempts).as("sent on a reused connection, then once again").hasSize(2);
    assertThat(attempts.get(0).nth()).as("first on a connection that had served").isEqualTo(1);
    assertThat(attempts.get(1).nth()).as("the retry on a new connection").isZero();
  }

  @Test
  void aFreshConnectionClosingToo502sWithoutAThirdAttempt() throws Exception {
    RawClient c = warmPools();
    answerNewConnections = false;
    var r = c.send("GET /again HTTP/1.1\r\nHost: h\r\n\r\n").read(false);
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.header("X-Edge-Error")).isEqualTo("upstream-reset");
    List<Seen> attempts = seenOf("GET /again HTTP/1.1");
    assertThat(attempts).as("the first try and one retry, no third").hasSize(2);
    assertThat(attempts.get(1).nth()).as("the retry on a new connection").isZero();
  }

  @Test
  void postWithABodySentOnAClosedReusedConnectionIs502AndNotRetried() throws Exception {
    RawClient c = warmPools();
    var r = c.send("POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\na=1").read(false);
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.header("X-Edge-Error")).isEqualTo("upstream-reset");
    assertThat(seenOf("POST /form HTTP/1.1")).as("sent once").hasSize(1);
  }

  @Test
  void postWhoseHeadWasStillHeldWhenTheReusedConnectionClosedIsRetried() throws Exception {
    idleCloseMillis = 300;
    try (RawClient c = new RawClient(edge.port())) {
      while (warm.getCount() > 1) {
        warm.countDown();
      }
      assertThat(c.send("GET /warm HTTP/1.1\r\nHost: h\r\n\r\n").read(false).status()).isEqualTo(200);
      c.send("POST /late HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n");
      Thread.sleep(1500);
      var r = c.send("hello").read(false);
      assertThat(r.status()).as("nothing was sent, so even a POST goes again").isEqualTo(200);
      assertThat(seenOf("POST /late HTTP/1.1")).extracting(Seen::nth).containsExactly(0);
    }
  }
}
