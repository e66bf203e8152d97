package dev.strangler.http;

/** What an HTTP method promises, the one copy of the rule for mirroring, retries, pipelining and replay. */
public final class Methods {
  private Methods() {}

  /**
   * Whether a method is safe (RFC 9110 §9.2.1: GET, HEAD, OPTIONS, TRACE): sending it again, to the
   * other side, or behind another request on one connection changes nothing on the server.
   */
  public static boolean isSafe(String method) {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
      default -> false;
    };
  }
}
