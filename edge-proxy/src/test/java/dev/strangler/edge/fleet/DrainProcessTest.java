package dev.strangler.edge.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.strangler.edge.RawClient;
import dev.strangler.edge.RawClient.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graceful drain of a real edge (a JVM of its own, SIGTERM from {@link Process#destroy()})
 * in front of real JDK HTTP servers: requests in flight finish with 200 while readiness is 503 and
 * the listener refuses new connections, the exit status is 0, and the discrepancy records queued
 * when the signal came are all in the store when the edge starts again on it.
 */
class DrainProcessTest {
  static final Duration STARTUP = Duration.ofSeconds(60);
  static final int IN_FLIGHT = 20;
  private static final Pattern FLUSHED = Pattern.compile(
      "discrepancy records: (\\d+) offered, (\\d+) stored, (\\d+) sampled out, (\\d+) dropped, (\\d+) lost");

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;
  final FleetClient client = new FleetClient();
  final List<HttpServer> servers = new ArrayList<>();
  final List<EdgeProcess> edges = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (EdgeProcess edge : edges) {
      edge.kill();
    }
    servers.forEach(s -> s.stop(0));
  }

  @Test
  void requestsInFlightFinishWhileReadinessIs503AndNewConnectionsAreRefusedThenItExits0() throws Exception {
    AtomicInteger received = new AtomicInteger();
    String upstream = serve(Duration.ofSeconds(1), "{\"v\":\"slow\"}", received);
    EdgeProcess edge = start("drain", config(upstream, upstream, false));
    assertThat(client.get(edge.admin() + "/health/ready").status()).isEqualTo(200);
    int port = port(edge.proxy());

    List<RawClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < IN_FLIGHT; i++) {
        clients.add(new RawClient(port).send("GET /slow/" + i + " HTTP/1.1\r\nHost: h\r\n\r\n"));
      }
      await(() -> received.get() == IN_FLIGHT, Duration.ofSeconds(10), "every request reached the upstream");
      long signalled = System.nanoTime();
      edge.terminate();

      await(() -> client.get(edge.admin() + "/health/ready").status() == 503, Duration.ofSeconds(2),
          "readiness 503 after the signal");
      assertThat(client.get(edge.admin() + "/health").json().get("state").asText()).isEqualTo("draining");
      await(() -> refused(port), Duration.ofSeconds(2), "new connections refused");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled))
          .as("both seen while the requests were still in flight (the upstream takes 1 s)").isLessThan(1000);

      for (RawClient c : clients) {
        Response r = c.read(false);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("{\"v\":\"slow\"}");
        assertThat(r.header("Connection")).isEqualTo("close");
      }
    } finally {
      for (RawClient c : clients) {
        c.close();
      }
    }
    assertThat(edge.awaitExit(Duration.ofSeconds(20))).as(edge.output()).isZero();
    assertThat(edge.output()).contains("edge: SIGTERM: draining", "edge: drained in", "cutting 0 connection(s)",
        "edge: stopped;");
  }

  @Test
  void everyDiscrepancyRecordQueuedAtTheSignalIsInTheStoreAfterARestart() throws Exception {
    Path config = config(serve(Duration.ZERO, "{\"v\":\"legacy\"}", null), serve(Duration.ZERO, "{\"v\":\"new\"}", null),
        true);
    EdgeProcess edge = start("diffs", config);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong answered = new AtomicLong();
    ExecutorService load = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      load.execute(() -> {
        try {
          while (!stop.get() && client.get(edge.proxy() + "/item").status() == 200) {
            answered.incrementAndGet();
          }
        } catch (IOException | InterruptedException refusedOnceDrained) {
          // the load ends with the edge
        }
      });
    }
    await(() -> metric(edge, "edge_shadow_total\\{outcome=\"diff\",route=\"diffs\"}") >= 300, Duration.ofSeconds(20),
        "diffs counted under load");
    long diffsBefore;
    long queuedBefore;
    long scrapeDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    do {
      // the writer may have caught up at any one instant: signal at a moment with records queued
      String scrape = client.get(edge.admin() + "/metrics").body();
      diffsBefore = metric(scrape, "edge_shadow_total\\{outcome=\"diff\",route=\"diffs\"}");
      queuedBefore = metric(scrape, "edge_discrepancy_records_total\\{result=\"offered\"}")
          - metric(scrape, "edge_discrepancy_records_total\\{result=\"stored\"}")
          - metric(scrape, "edge_discrepancy_records_total\\{result=\"sampled_out\"}");
    } while (queuedBefore <= 0 && System.nanoTime() < scrapeDeadline);
    edge.terminate();

    assertThat(edge.awaitExit(Duration.ofSeconds(30))).as(edge.output()).isZero();
    stop.set(true);
    load.shutdown();
    assertThat(load.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    Matcher flushed = FLUSHED.matcher(edge.output());
    assertThat(flushed.find()).as(edge.output()).isTrue();
    long offered = Long.parseLong(flushed.group(1));
    long kept = Long.parseLong(flushed.group(2)) + Long.parseLong(flushed.group(3));
    assertThat(queuedBefore).as("records queued, not yet in the store, just before the signal").isPositive();
    assertThat(offered).isGreaterThanOrEqualTo(diffsBefore);
    assertThat(kept).as("stored whole or counted in their group").isEqualTo(offered);
    assertThat(flushed.group(4) + "/" + flushed.group(5)).as("dropped/lost").isEqualTo("0/0");

    EdgeProcess again = start("diffs-again", config);
    JsonNode groups = client.admin(again, "/admin/discrepancies/groups?route=diffs&since=1h").json().get("groups");
    long inStore = 0;
    for (JsonNode g : groups) {
      inStore += g.get("count").asLong();
    }
    System.out.printf("drain: %d answered, %d diffs counted and %d records queued before SIGTERM; %d records offered,"
        + " %d in the store after a restart%n", answered.get(), diffsBefore, queuedBefore, offered, inStore);
    assertThat(inStore).isEqualTo(offered);
  }

  private EdgeProcess start(String name, Path config) throws Exception {
    EdgeProcess edge = EdgeProcess.start(name, config, Map.of());
    edges.add(edge);
    return edge.awaitUp(STARTUP);
  }

  /** routes.yaml with both sides and no drain delay; {@code shadow}: every request mirrored and judged on /v. */
  private Path config(String legacy, String fresh, boolean shadow) throws IOException {
    return Files.writeString(dir.resolve("routes.yaml"), """
        listen: 127.0.0.1:0
        admin: {listen: 127.0.0.1:0, token: %s}
        state: {dir: ./state}
        lifecycle: {drain-delay: 0s, drain-timeout: 10s}
        upstreams:
          legacy: {targets: ["%s"]}
          new: {targets: ["%s"]}
        defaults:
          shadow: {enabled: %s}
        routes:
          - id: diffs
            match: {path: "/**"}
            primary: legacy
            core: {legacy: {json: "/v"}, new: {json: "/v"}}
        """.formatted(FleetClient.TOKEN, legacy, fresh, shadow));
  }

  /** A JDK HTTP server answering every request with {@code body} (JSON) after {@code delay}. */
  private String serve(Duration delay, String body, AtomicInteger received) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      if (received != null) {
        received.incrementAndGet();
      }
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(IN_FLIGHT + 12));
    server.start();
    servers.add(server);
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static int port(String url) {
    return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
  }

  /** Whether a connection to the port is refused (one that is accepted is closed at once). */
  private static boolean refused(int port) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return false;
    } catch (ConnectException e) {
      return true;
    }
  }

  private long metric(EdgeProcess edge, String series) throws Exception {
    return metric(client.get(edge.admin() + "/metrics").body(), series);
  }

  /** A series' value in a Prometheus scrape ({@code series}: a regex of its name and labels), 0 when absent. */
  private static long metric(String scrape, String series) {
    Matcher m = Pattern.compile("^" + series + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }

  /** A check that may throw while the condition does not hold yet. */
  interface Check {
    boolean holds() throws Exception;
  }

  private static void await(Check check, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!holds(check)) {
      assertThat(System.nanoTime()).as(what + " within " + timeout).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static boolean holds(Check check) {
    try {
      return check.holds();
    } catch (Exception notYet) {
      return false;
    }
  }
}
