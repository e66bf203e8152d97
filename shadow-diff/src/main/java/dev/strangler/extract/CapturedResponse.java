package dev.strangler.extract;

import java.util.List;
import java.util.Locale;
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
    return headers.stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Every value of a header, by case-insensitive name, in order. */
  public List<String> headerValues(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return headers.stream()
        .filter(h -> h.getKey().toLowerCase(Locale.ROOT).equals(lower))
        .map(Map.Entry::getValue)
        .toList();
  }
}
