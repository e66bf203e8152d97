package dev.strangler.record;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one side answered, as it appears in a discrepancy record.
 *
 * @param status    HTTP status, null when there was no response
 * @param latencyMs milliseconds to the end of the response, null when unknown
 * @param core      the extracted (and masked) core output, null when there is none
 * @param error     why there is no response or core output, null when all went well
 */
public record SideResult(Integer status, Double latencyMs, JsonNode core, String error) {

  /** A side that answered and whose core output was extracted. */
  public static SideResult ok(int status, double latencyMs, JsonNode core) {
    return new SideResult(status, latencyMs, core, null);
  }
}
