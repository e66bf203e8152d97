package dev.strangler.edge.routing;

import static dev.strangler.edge.TestConfigs.config;
import static dev.strangler.edge.TestConfigs.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.TestUpstream;
import dev.strangler.routing.Side;
import dev.strangler.store.Flip;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flip under load: no failed request, one side per response, the new side from the flip on. */
class CutoverUnderLoadTest {
  @TempDir Path dir;

  record Sample(long startedAfter, long endedBefore, String body, int status) {}

  @Test
  void flipAndRollbackWhileEightClientsHammerTheRoute() throws Exception {
    try (TestUpstream legacy = TestUpstream.text("legacy", "legacy");
        TestUpstream fresh = TestUpstream.text("new", "new");
        EdgeHarness edge = new EdgeHarness(config(dir, legacy.url(), fresh.url(),
            List.of(route("posts", "/posts/{slug}", Side.LEGACY))))) {
      AtomicLong flips = new AtomicLong();
      AtomicBoolean stop = new AtomicBoolean();
      var samples = new ConcurrentLinkedQueue<Sample>();
      var errors = new ConcurrentLinkedQueue<Throwable>();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      List<Future<?>> workers = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        workers.add(pool.submit(() -> {
          for (int i = 0; i < 3000 && !stop.get(); i++) {
            long phase = flips.get();
            try {
              HttpResponse<String> r = client.send(
                  HttpRequest.newBuilder(URI.create(edge.url() + "/posts/p" + i)).timeout(Duration.ofSeconds(20)).build(),
                  HttpResponse.BodyHandlers.ofString());
              samples.add(new Sample(phase, flips.get(), r.body(), r.statusCode()));
            } catch (Exception e) {
              errors.add(e);
            }
          }
        }));
      }
      awaitSamples(samples, 200);
      edge.routes().cutover(new Flip("posts", Side.NEW, null, "parity proven", "test", "test"));
      flips.set(1);
      awaitSamples(samples, samples.size() + 200);
      edge.routes().cutover(new Flip("posts", Side.LEGACY, null, "rollback", "test", "test"));
      flips.set(2);
      awaitSamples(samples, samples.size() + 200);
      stop.set(true);
      for (Future<?> w : workers) {
        w.get();
      }
      pool.shutdown();

      assertThat(errors).isEmpty();
      assertThat(samples).allSatisfy(s -> {
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.body()).isIn("legacy", "new");
      });
      assertThat(samples).filteredOn(s -> s.startedAfter() == 1 && s.endedBefore() == 1).isNotEmpty()
          .allSatisfy(s -> assertThat(s.body()).isEqualTo("new"));
      assertThat(samples).filteredOn(s -> s.startedAfter() == 2).isNotEmpty()
          .allSatisfy(s -> assertThat(s.body()).isEqualTo("legacy"));
      var audit = edge.store().audit(0, 10);
      assertThat(audit).extracting(a -> a.from() + "->" + a.to()).containsExactly("legacy->new", "new->legacy");
      assertThat(audit.get(1).seq()).isGreaterThan(audit.get(0).seq());
    }
  }

  private static void awaitSamples(ConcurrentLinkedQueue<Sample> samples, int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (samples.size() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }
}
