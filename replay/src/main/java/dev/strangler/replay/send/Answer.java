package dev.strangler.replay.send;

import dev.strangler.extract.CapturedResponse;

/**
 * What one side answered to a replayed request: a response, or why there is none.
 *
 * @param response    the response; null when {@code error} is set
 * @param error       connect-failed, connect-timeout, timeout or io-error: ...; null when answered
 * @param unreachable whether the side could not be reached at all (the run is then incomplete)
 */
public record Answer(CapturedResponse response, String error, boolean unreachable) {

  static Answer of(CapturedResponse response) {
    return new Answer(response, null, false);
  }

  static Answer failed(String error, boolean unreachable) {
    return new Answer(null, error, unreachable);
  }
}
