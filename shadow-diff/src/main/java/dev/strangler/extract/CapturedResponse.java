package dev.strangler.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One side's response as the edge or the replay tool captured it: status, headers in wire order
 * (repeats kept), the body exactly as sent (possibly content-encoded) and how long it took.
 *
 * @param status    HTTP status code
 * @param headers   header name and value pairs in the order received
 * @param body      the body bytes as received; empty when there was none
 * @param latencyMs time from sending the request to the end of the response, in milliseconds
 */
public record CapturedResponse(
    int status, List<Map.Entry<String, String>> headers, byte[] body, double latencyMs) {

  public CapturedResponse {
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return Optional.of(h.getValue());
      }
    }
    return Optional.empty();
  }

  /** Every value of a header, by case-insensitive name, in order (unmodifiable). */
  public List<String> headerValues(String name) {
    List<String> values = List.of();
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        if (values.isEmpty()) {
          values = new ArrayList<>(1);
        }
        values.add(h.getValue());
      }
    }
    return Collections.unmodifiableList(values);
  }
}
