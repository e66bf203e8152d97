package dev.strangler.edge.frontdoor;

import static dev.strangler.edge.TestConfigs.config;
import static dev.strangler.edge.TestConfigs.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.edge.EdgeHarness;
import dev.strangler.edge.RecordingUpstream;
import dev.strangler.routing.Side;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge and nginx (Debian's nginx-light, a plain reverse proxy with the same limits) meet the
 * same request shapes ({@link Shapes}): their answers' status classes match, or the difference is
 * one of {@link #DOCUMENTED} (also in the README). Whatever the edge refuses reaches no upstream.
 * Skipped, with a message, where nginx is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontDoorDifferentialTest {
  /** Shape name → the edge's class where it deliberately differs from nginx's. */
  static final Map<String, String> DOCUMENTED = Map.of(
      "HTTP/0.9", "4xx",                      // nginx answers a bare body; the edge refuses HTTP/0.9
      "lower-case method", "2xx",             // methods are case-sensitive tokens: forwarded, nginx refuses
      "dot-dot with encoded slash", "4xx",    // an upstream decoding %2F would resolve it elsewhere
      "header line without colon", "4xx",     // nginx drops the line, the edge refuses the request
      "Expect: other", "4xx",                 // 417: the edge does not ignore an expectation
      "OPTIONS *", "2xx",                     // a valid asterisk-form request: forwarded
      "LF-only line ends", "4xx");            // strict line parsing, a smuggling guard

  RecordingUpstream upstream;
  RecordingUpstream nginxUpstream;
  EdgeHarness edge;
  NginxFront nginx;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(NginxFront.available(),
        "nginx is not installed (apt-get install -y nginx-light): the differential check is skipped");
    upstream = RecordingUpstream.ok();
    edge = new EdgeHarness(config(dir, upstream.url(), upstream.url(), List.of(route("all", "/**", Side.LEGACY))));
    nginxUpstream = RecordingUpstream.ok();
    nginx = NginxFront.start(dir.resolve("nginx"), nginxUpstream.port());
  }

  @AfterAll
  void stop() throws Exception {
    if (nginx != null) {
      nginx.close();
    }
    if (edge != null) {
      edge.close();
    }
    if (upstream != null) {
      upstream.close();
    }
    if (nginxUpstream != null) {
      nginxUpstream.close();
    }
  }

  @Test
  void statusClassesMatchNginxOrTheDifferenceIsDocumented() throws Exception {
    List<String> unexpected = new ArrayList<>();
    for (Shapes.Shape s : Shapes.ALL) {
      int before = upstream.received().size();
      String ours = probe(edge.port(), s.bytes());
      Thread.sleep(20);
      boolean forwarded = upstream.received().size() > before;
      String theirs = probe(nginx.port(), s.bytes());
      String expected = DOCUMENTED.getOrDefault(s.name(), theirs);
      if (!ours.equals(expected)) {
        unexpected.add(s.name() + ": edge " + ours + ", nginx " + theirs + ", expected " + expected);
      }
      if ((ours.equals("4xx") || ours.equals("5xx")) && forwarded) {
        unexpected.add(s.name() + ": the edge answered " + ours + " but forwarded the request");
      }
    }
    assertThat(unexpected).isEmpty();
    assertThat(Shapes.ALL).hasSizeGreaterThanOrEqualTo(40);
  }

  /** The class of the first answer to {@code bytes} on a new connection: 1xx..5xx, closed, reset, timeout or raw. */
  static String probe(int port, byte[] bytes) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(3000);
      s.getOutputStream().write(bytes);
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      try {
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
          line.write(b);
        }
      } catch (SocketTimeoutException e) {
        if (line.size() == 0) {
          return "timeout";
        }
      } catch (IOException e) {
        if (line.size() == 0) {
          return "reset";
        }
      }
      String first = line.toString(StandardCharsets.ISO_8859_1);
      if (first.isEmpty()) {
        return "closed";
      }
      return first.startsWith("HTTP/") ? first.split(" ")[1].charAt(0) + "xx" : "raw";
    }
  }
}
