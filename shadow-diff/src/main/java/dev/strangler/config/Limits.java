package dev.strangler.config;

/**
 * Size limits the data plane enforces on client requests: the optional top-level {@code limits}
 * section of routes.yaml ({@code max-uri-length}, {@code max-header-size},
 * {@code max-request-body}), an addition to the documented shape.
 *
 * @param maxUriLength   longest request line (exceeded: 414)
 * @param maxHeaderSize  largest header block (exceeded: 431)
 * @param maxRequestBody largest request body (exceeded: 413)
 */
public record Limits(int maxUriLength, int maxHeaderSize, long maxRequestBody) {

  /** The built-in limits: 8KiB URI, 16KiB headers, 100MiB body. */
  public static Limits standard() {
    return new Limits(8 << 10, 16 << 10, 100L << 20);
  }
}
