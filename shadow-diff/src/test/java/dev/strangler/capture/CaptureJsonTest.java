package dev.strangler.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.extract.CapturedResponse;
import dev.strangler.routing.Side;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptureJsonTest {
  private static final Instant AT = Instant.parse("2026-11-25T10:00:00.123Z");

  private static CaptureLine line(CaptureLine.Shadow shadow) {
    return new CaptureLine("c1", AT, "post-read", Side.LEGACY,
        new CaptureLine.Request("POST", "/posts/hello?x=1",
            List.of(Map.entry("Host", "example.com"), Map.entry("Accept", "a"), Map.entry("Accept", "b")),
            new byte[] {0, 1, 2, (byte) 0xff}),
        new CapturedResponse(200,
            List.of(Map.entry("Set-Cookie", "a=1"), Map.entry("Content-Type", "text/html"), Map.entry("Set-Cookie", "b=2")),
            "<p>hi</p>".getBytes(StandardCharsets.UTF_8), 12.3),
        shadow);
  }

  @Test
  void roundTripKeepsHeaderOrderRepeatsAndBinaryBodies() {
    CaptureLine original = line(new CaptureLine.Shadow(Side.NEW,
        new CapturedResponse(201, List.of(Map.entry("X-A", "1")), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), 8.1), null));

    CaptureLine back = CaptureJson.read(CaptureJson.write(original));

    assertThat(back).usingRecursiveComparison().isEqualTo(original);
    assertThat(back.response().headerValues("set-cookie")).containsExactly("a=1", "b=2");
    assertThat(back.request().body()).containsExactly(0, 1, 2, 0xff);
  }

  @Test
  void roundTripOfUnmirroredAndFailedShadows() {
    CaptureLine none = line(null);
    CaptureLine failed = line(new CaptureLine.Shadow(Side.NEW, null, "timeout"));

    assertThat(CaptureJson.read(CaptureJson.write(none))).usingRecursiveComparison().isEqualTo(none);
    assertThat(CaptureJson.write(none)).contains("\"shadow\":null");
    assertThat(CaptureJson.write(failed)).contains("\"shadow\":{\"side\":\"new\",\"error\":\"timeout\"}");
    assertThat(CaptureJson.read(CaptureJson.write(failed))).usingRecursiveComparison().isEqualTo(failed);
  }

  @Test
  void writesTheContractShapeOnOneLine() {
    String json = CaptureJson.write(line(null));

    assertThat(json).doesNotContain("\n")
        .startsWith("{\"v\":1,\"id\":\"c1\",\"at\":\"2026-11-25T10:00:00.123Z\",\"route\":\"post-read\",\"served_by\":\"legacy\"")
        .contains("\"request\":{\"method\":\"POST\",\"uri\":\"/posts/hello?x=1\",\"headers\":[[\"Host\",\"example.com\"],[\"Accept\",\"a\"],[\"Accept\",\"b\"]],\"body_b64\":\"AAEC/w==\"}")
        .contains("\"response\":{\"status\":200,\"headers\":[[\"Set-Cookie\",\"a=1\"],[\"Content-Type\",\"text/html\"],[\"Set-Cookie\",\"b=2\"]]");
  }

  @Test
  void readsTheContractExampleWithEmptyBodies() {
    CaptureLine c = CaptureJson.read("{\"v\":1,\"id\":\"x\",\"at\":\"2026-11-25T10:00:00Z\",\"route\":\"post-read\","
        + "\"served_by\":\"new\",\"request\":{\"method\":\"GET\",\"uri\":\"/posts/hello\",\"headers\":[[\"Host\",\"h\"]],\"body_b64\":null},"
        + "\"response\":{\"status\":304,\"headers\":[],\"body_b64\":null,\"latency_ms\":1},"
        + "\"shadow\":{\"side\":\"legacy\",\"status\":200,\"headers\":[],\"body_b64\":\"e30=\",\"latency_ms\":2.5}}");

    assertThat(c.servedBy()).isEqualTo(Side.NEW);
    assertThat(c.request().header("host")).isEqualTo("h");
    assertThat(c.request().body()).isEmpty();
    assertThat(c.response().body()).isEmpty();
    assertThat(c.shadow().side()).isEqualTo(Side.LEGACY);
    assertThat(new String(c.shadow().response().body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(c.shadow().response().latencyMs()).isEqualTo(2.5);
  }

  @Test
  void refusesBrokenLinesSayingWhy() {
    String ok = CaptureJson.write(line(null));
    assertThatThrownBy(() -> CaptureJson.read("{\"v\":1,"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> CaptureJson.read("[1]")).hasMessage("not a JSON object");
    assertThatThrownBy(() -> CaptureJson.read(ok.replace("\"v\":1", "\"v\":2")))
        .hasMessageContaining("unsupported capture version 2");
    assertThatThrownBy(() -> CaptureJson.read(ok.replace("\"uri\":\"/posts/hello?x=1\",", "")))
        .hasMessage("missing 'request.uri'");
    assertThatThrownBy(() -> CaptureJson.read(ok.replace("AAEC/w==", "not base64!")))
        .hasMessageStartingWith("'request.body_b64' is not base64");
    assertThatThrownBy(() -> CaptureJson.read(ok.replace("[\"Accept\",\"a\"]", "[\"Accept\"]")))
        .hasMessageContaining("'request.headers' has [\"Accept\"]");
    assertThatThrownBy(() -> CaptureJson.read(ok.replace("\"served_by\":\"legacy\"", "\"served_by\":\"both\"")))
        .hasMessage("'served_by' must be legacy or new, not 'both'");
    assertThatThrownBy(() -> CaptureJson.read(ok.replace("\"status\":200", "\"status\":\"ok\"")))
        .hasMessage("'response.status' must be an integer");
    assertThatThrownBy(() -> CaptureJson.read(ok + " {}")).hasMessageStartingWith("not JSON");
  }
}
