package dev.strangler.edge.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The decoder leaves request heads undecoded while told to hold them, and decodes them after. */
class StrictRequestDecoderTest {

  @Test
  void heldHeadsStayBytesUntilDecodedOnRequest() throws Exception {
    StrictRequestDecoder decoder = new StrictRequestDecoder(8192, 16384, Duration.ofSeconds(10));
    EmbeddedChannel ch = new EmbeddedChannel(decoder);
    decoder.holdHeads(true);
    ch.writeInbound(Unpooled.copiedBuffer("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n",
        StandardCharsets.US_ASCII));
    assertThat((Object) ch.readInbound()).isNull();

    decoder.holdHeads(false);
    decoder.decodeHeld();
    assertThat(((HttpRequest) ch.readInbound()).uri()).isEqualTo("/1");
    ReferenceCountUtil.release(ch.readInbound());
    assertThat(((HttpRequest) ch.readInbound()).uri()).isEqualTo("/2");
    assertThat((Object) ch.readInbound()).isInstanceOf(LastHttpContent.class);
    ch.finishAndReleaseAll();
  }

  @Test
  void aHeadStartedBeforeTheHoldIsFinishedAndTheNextOneHeld() throws Exception {
    StrictRequestDecoder decoder = new StrictRequestDecoder(8192, 16384, Duration.ofSeconds(10));
    EmbeddedChannel ch = new EmbeddedChannel(decoder);
    ch.writeInbound(Unpooled.copiedBuffer("GET /1 HTTP/1.1\r\nHost: h\r\n\r\n", StandardCharsets.US_ASCII));
    assertThat(((HttpRequest) ch.readInbound()).uri()).isEqualTo("/1");
    ReferenceCountUtil.release(ch.readInbound());
    decoder.holdHeads(true);
    ch.writeInbound(Unpooled.copiedBuffer("GET /2 HTTP/1.1\r\nHost: h\r\n\r\n", StandardCharsets.US_ASCII));
    assertThat((Object) ch.readInbound()).isNull();
    ch.finishAndReleaseAll();
  }

  @Test
  void aControlByteOrTabInTheRequestLineFailsTheRequest() {
    for (String line : new String[] {"GET /a\u0001b HTTP/1.1", "GET\t/a\tHTTP/1.1", "GET /a\u007f HTTP/1.1"}) {
      EmbeddedChannel ch = new EmbeddedChannel(new StrictRequestDecoder(8192, 16384, Duration.ofSeconds(10)));
      ch.writeInbound(Unpooled.copiedBuffer(line + "\r\nHost: h\r\n\r\n", StandardCharsets.ISO_8859_1));
      HttpRequest r = ch.readInbound();
      assertThat(r.decoderResult().isFailure()).as(line).isTrue();
      ch.finishAndReleaseAll();
    }
  }
}
