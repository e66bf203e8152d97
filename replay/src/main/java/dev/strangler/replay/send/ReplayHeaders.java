package dev.strangler.replay.send;

import dev.strangler.http.Conditionals;
import dev.strangler.http.HopByHop;
import dev.strangler.record.Masker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers a replayed request is sent with: the recorded ones in order, less hop-by-hop
 * headers (RFC 9110 §7.6.1, and those named by Connection), headers the HTTP client sets itself
 * (Host, Content-Length, Expect), HTTP/2 pseudo-headers and values masked at recording time
 * ({@value Masker#MASK}, Caddy's {@code REDACTED}) — plus {@code X-Replay: 1}, and
 * {@code X-Forwarded-Host} with the recorded host. Conditional headers ({@link Conditionals}) are
 * left out, so each side answers in full. Replayed requests are not shadow traffic, so they carry
 * no {@code X-Shadow-Request}.
 */
public final class ReplayHeaders {
  /** The header every replayed request carries. */
  public static final String REPLAY = "X-Replay";

  /** Headers the HTTP client sets itself, and the replay marker (added once, below). */
  private static final Set<String> CLIENT_SET = Set.of("host", "content-length", "expect", "x-replay");
  private static final Set<String> MASKED = Set.of(Masker.MASK, "REDACTED");

  private ReplayHeaders() {}

  /** The headers to send, as name and value pairs in order. */
  public static List<Map.Entry<String, String>> of(List<Map.Entry<String, String>> recorded, String host) {
    Set<String> dropped = new HashSet<>(CLIENT_SET);
    dropped.addAll(HopByHop.removedWith(recorded.stream()
        .filter(h -> h.getKey().equalsIgnoreCase("Connection")).map(Map.Entry::getValue).toList()));
    List<Map.Entry<String, String>> out = new ArrayList<>();
    boolean forwardedHost = false;
    for (Map.Entry<String, String> h : recorded) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (dropped.contains(name) || name.startsWith(":") || MASKED.contains(h.getValue())
          || Conditionals.dropped(name)) {
        continue;
      }
      forwardedHost |= name.equals("x-forwarded-host");
      out.add(h);
    }
    if (host != null && !forwardedHost) {
      out.add(Map.entry("X-Forwarded-Host", host));
    }
    out.add(Map.entry(REPLAY, "1"));
    return out;
  }
}
