package dev.strangler.config;

import java.time.Duration;

/**
 * Limits the data plane enforces on client requests: the optional top-level {@code limits}
 * section of routes.yaml ({@code max-uri-length}, {@code max-header-size},
 * {@code max-request-body}, {@code header-timeout}), an addition to the documented shape.
 *
 * @param maxUriLength   longest request line (exceeded: 414)
 * @param maxHeaderSize  largest header block, as received and as forwarded with the edge's own
 *                       headers added (exceeded: 431)
 * @param maxRequestBody largest request body (exceeded: 413)
 * @param headerTimeout  how long a request head may take from its first byte (or from the
 *                       connection's start) to its end (exceeded: 408 and close)
 */
public record Limits(int maxUriLength, int maxHeaderSize, long maxRequestBody, Duration headerTimeout) {
  /** The built-in head timeout. */
  public static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);

  /** Limits with the built-in head timeout. */
  public Limits(int maxUriLength, int maxHeaderSize, long maxRequestBody) {
    this(maxUriLength, maxHeaderSize, maxRequestBody, HEADER_TIMEOUT);
  }

  /** The built-in limits: 8KiB URI, 16KiB headers, 100MiB body, 10 s for a request head. */
  public static Limits standard() {
    return new Limits(8 << 10, 16 << 10, 100L << 20, HEADER_TIMEOUT);
  }
}
