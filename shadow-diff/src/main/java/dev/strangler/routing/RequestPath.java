package dev.strangler.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The path a request is routed on and forwarded with, so that the edge and every upstream agree
 * on which resource a request names (the edge and replay both route on it). From the path as
 * received (each char one byte of the request line, as Netty decodes it):
 *
 * <ol>
 *   <li>control bytes (below 0x20, and 0x7F) refuse the path, and so does a {@code %} not followed
 *       by two hex digits, or an encoded NUL ({@code %00});
 *   <li>percent-encoded unreserved characters (RFC 3986 §2.3: letters, digits, {@code -._~}) are
 *       decoded; every other escape and every byte at or above 0x80 stays exactly as received;
 *   <li>repeated slashes are merged (as nginx does before matching locations);
 *   <li>dot-segments are removed (RFC 3986 §5.2.4); a {@code ..} above the root refuses the path;
 *   <li>a segment that an upstream decoding {@code %2F} or {@code %5C}, or reading {@code \} as a
 *       slash, would see as a dot-segment refuses the path ({@code /a/..%2Fb}, {@code /a/..\b}):
 *       the edge would route it one way and the upstream resolve it another.
 * </ol>
 *
 * A path with no {@code %}, {@code .}, {@code \} or repeated slash is returned as it is after one scan.
 */
public final class RequestPath {
  private RequestPath() {}

  /** The normalised path, or null when the path is refused (the edge answers 400). */
  public static String normalize(String raw) {
    if (raw.isEmpty() || raw.charAt(0) != '/') {
      return null;
    }
    boolean plain = true;
    char prev = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7F || c > 0xFF) {
        return null;
      }
      if (c == '%' || c == '.' || c == '\\' || (c == '/' && prev == '/')) {
        plain = false;
      }
      prev = c;
    }
    if (plain) {
      return raw;
    }
    String decoded = decodeUnreserved(raw);
    return decoded == null ? null : removeDotSegments(decoded);
  }

  /** Decodes escapes of unreserved characters; null on a malformed escape or {@code %00}. */
  private static String decodeUnreserved(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
      if (lo < 0) {
        return null;
      }
      char d = (char) (hi * 16 + lo);
      if (d == 0) {
        return null;
      }
      if (isUnreserved(d)) {
        out.append(d);
      } else {
        out.append(raw, i, i + 3);
      }
      i += 2;
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  /** Merges slashes and removes dot-segments; null when {@code ..} climbs above the root or hides behind an encoded slash. */
  private static String removeDotSegments(String path) {
    List<String> out = new ArrayList<>();
    String[] segments = path.substring(1).split("/", -1);
    boolean trailingSlash = false;
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals(".") || s.equals("..")) {
        if (s.equals("..")) {
          if (out.isEmpty()) {
            return null;
          }
          out.remove(out.size() - 1);
        }
        trailingSlash = last;
      } else if (s.isEmpty()) {
        trailingSlash = last && !out.isEmpty();
      } else if (hidesDotSegment(s)) {
        return null;
      } else {
        out.add(s);
        trailingSlash = false;
      }
    }
    StringBuilder b = new StringBuilder(path.length());
    for (String s : out) {
      b.append('/').append(s);
    }
    if (b.length() == 0 || trailingSlash) {
      b.append('/');
    }
    return b.toString();
  }

  /** Whether splitting the segment at encoded slashes or backslashes gives a dot-segment. */
  private static boolean hidesDotSegment(String segment) {
    if (segment.indexOf('.') < 0 || (segment.indexOf('%') < 0 && segment.indexOf('\\') < 0)) {
      return false;
    }
    for (String piece : segment.split("(?i)%2F|%5C|\\\\", -1)) {
      if (piece.equals(".") || piece.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
