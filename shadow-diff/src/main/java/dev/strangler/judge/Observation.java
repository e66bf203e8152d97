package dev.strangler.judge;

import dev.strangler.extract.CapturedResponse;
import dev.strangler.routing.Side;
import java.time.Instant;

/**
 * What both sides answered to one request, as the edge saw it live or the replay tool saw it
 * offline. A side that could not be asked carries an error instead of a response.
 *
 * @param method      request method
 * @param uri         request target (path and query)
 * @param requestId   X-Request-Id
 * @param at          when the request was received
 * @param servedBy    the side whose answer went to the client (or was recorded)
 * @param legacy      the legacy side's answer; null when {@code legacyError} is set
 * @param fresh       the new side's answer; null when {@code freshError} is set
 * @param legacyError why the legacy side gave no answer (timeout, reset, connect-failed)
 * @param freshError  why the new side gave no answer
 */
public record Observation(
    String method,
    String uri,
    String requestId,
    Instant at,
    Side servedBy,
    CapturedResponse legacy,
    CapturedResponse fresh,
    String legacyError,
    String freshError) {

  /**
   * The observation of a served answer and the other side's (its shadow), ordered as legacy and
   * new: the one place that swaps served/shadow into legacy/new, for the edge and for replay.
   *
   * @param served      the serving side's answer
   * @param shadow      the other side's answer; null when {@code shadowError} is set
   * @param shadowError why the other side gave no answer, or null
   */
  public static Observation of(String method, String uri, String requestId, Instant at, Side servedBy,
      CapturedResponse served, CapturedResponse shadow, String shadowError) {
    return servedBy == Side.LEGACY
        ? new Observation(method, uri, requestId, at, servedBy, served, shadow, null, shadowError)
        : new Observation(method, uri, requestId, at, servedBy, shadow, served, shadowError, null);
  }

  /** The answer of a side. */
  public CapturedResponse response(Side side) {
    return side == Side.LEGACY ? legacy : fresh;
  }

  /** The error of a side, or null. */
  public String error(Side side) {
    return side == Side.LEGACY ? legacyError : freshError;
  }
}
