package dev.strangler.replay.input;

import dev.strangler.capture.CaptureLine;
import dev.strangler.extract.CapturedResponse;
import dev.strangler.routing.Side;
import java.time.Instant;
import java.util.Objects;

/**
 * One recorded request with what was recorded of its answers, whatever the input format.
 *
 * @param position  where it was read
 * @param request   the request as recorded
 * @param host      the host it was sent to (Host header or URL authority); null when unknown
 * @param at        when it was recorded ({@link Instant#EPOCH} when the input does not say)
 * @param requestId its X-Request-Id (or the capture id); null when unknown
 * @param servedBy  the side whose answer was recorded as {@code recorded}
 * @param recorded  the recorded answer of {@code servedBy}; null when there is none
 * @param shadow    the recorded answer of the other side (captures only); null when none
 */
public record RecordedExchange(
    Position position,
    CaptureLine.Request request,
    String host,
    Instant at,
    String requestId,
    Side servedBy,
    CapturedResponse recorded,
    CaptureLine.Shadow shadow) implements Item {

  public RecordedExchange {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(servedBy, "servedBy");
  }

  /** The request method. */
  public String method() {
    return request.method();
  }

  /** The request path, without the query. */
  public String path() {
    String uri = request.uri();
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }

  /** The recorded answer of the legacy side, served or mirrored; null when none was recorded. */
  public CapturedResponse recordedLegacy() {
    if (servedBy == Side.LEGACY) {
      return recorded;
    }
    return shadow != null && shadow.side() == Side.LEGACY ? shadow.response() : null;
  }
}
