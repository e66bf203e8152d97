package dev.strangler.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.strangler.capture.CaptureJson;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a run (SIGTERM, as Ctrl-C's SIGINT) writes the partial report. */
class InterruptTest {
  @TempDir
  Path dir;

  @Test
  void aStoppedRunWritesWhatItJudgedAndSaysItWasInterrupted() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    CountDownLatch someDone = new CountDownLatch(6);
    HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    slow.createContext("/", ex -> {
      seen.incrementAndGet();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = Backends.apiPost("1").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
      someDone.countDown();
    });
    slow.start();
    try {
      String url = "http://127.0.0.1:" + slow.getAddress().getPort();
      Path config = Corpus.config(dir, url, url, "");
      List<String> lines = IntStream.range(0, 500)
          .mapToObj(i -> CaptureJson.write(Corpus.exchange(i, "GET", "/api/posts/1"))).toList();
      Path input = Corpus.write(dir.resolve("capture.jsonl"), lines);
      Path report = dir.resolve("out");
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), ReplayMain.class.getName(), "run",
          "--config", config.toString(), "--input", input.toString(), "--report", report.toString(),
          "--concurrency", "1")
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("output.txt").toFile())
          .start();

      assertThat(someDone.await(60, TimeUnit.SECONDS)).isTrue();
      p.destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(report.resolve("report.json")).as(Files.readString(dir.resolve("output.txt"))).exists();
      JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
      assertThat(json.get("interrupted").asBoolean()).isTrue();
      assertThat(json.get("complete").asBoolean()).isFalse();
      long judged = json.at("/totals/match").asLong();
      assertThat(judged).isBetween(2L, 499L);
      assertThat(Files.readString(report.resolve("report.md"))).contains("interrupted");
    } finally {
      slow.stop(0);
    }
  }
}
