package dev.strangler.capture;

import dev.strangler.extract.CapturedResponse;
import dev.strangler.record.Masker;
import dev.strangler.routing.Side;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded exchange: a line of a capture file (see the product contract's "Capture"); its
 * JSON form is written and read by {@link CaptureJson}. Headers keep their order and repeats;
 * secrets are masked by whoever writes the capture, before it is written. Times have millisecond
 * precision.
 *
 * @param id       unique id of the exchange
 * @param at       when the edge received the request
 * @param route    id of the route it matched when recorded; null when unknown
 * @param servedBy the side whose answer went to the client ({@code response})
 * @param request  the request as received
 * @param response the serving side's answer
 * @param shadow   the other side's answer to the mirrored request; null when it was not mirrored
 */
public record CaptureLine(
    String id,
    Instant at,
    String route,
    Side servedBy,
    Request request,
    CapturedResponse response,
    Shadow shadow) {

  public CaptureLine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(servedBy, "servedBy");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * This line with its secrets masked by {@code masker}: the query, secret headers, and secret
   * JSON paths of JSON bodies, in the request and both answers.
   */
  public CaptureLine masked(Masker masker) {
    var request = new Request(this.request.method(), masker.uri(this.request.uri()),
        masker.headers(this.request.headers()), masker.body(this.request.header("Content-Type"), this.request.body()));
    Shadow masked = shadow == null ? null
        : new Shadow(shadow.side(), masked(shadow.response(), masker), shadow.error());
    return new CaptureLine(id, at, route, servedBy, request, masked(response, masker), masked);
  }

  private static CapturedResponse masked(CapturedResponse r, Masker m) {
    return r == null ? null : new CapturedResponse(r.status(), m.headers(r.headers()),
        m.body(r.header("Content-Type").orElse(null), r.body()), r.latencyMs());
  }

  /**
   * A recorded request.
   *
   * @param method  request method
   * @param uri     request target: path and query
   * @param headers header name and value pairs in the order received
   * @param body    the body bytes; empty when there was none
   */
  public record Request(String method, String uri, List<Map.Entry<String, String>> headers, byte[] body) {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
      headers = List.copyOf(headers);
      body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, by case-insensitive name; null when absent. */
    public String header(String name) {
      return headers.stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * The answer of the side that did not serve, to the mirrored request: a response, or why
   * there is none.
   *
   * @param side     the mirrored side
   * @param response its answer; null when {@code error} is set
   * @param error    why it gave no answer (timeout, connect-failed, ...); null when it answered
   */
  public record Shadow(Side side, CapturedResponse response, String error) {
    public Shadow {
      Objects.requireNonNull(side, "side");
      if ((response == null) == (error == null)) {
        throw new IllegalArgumentException("a shadow has either a response or an error");
      }
    }
  }
}
