package dev.strangler.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled path template: literal segments, {@code {name}} and {@code *} (exactly one
 * non-empty segment) and a trailing {@code **} (the rest of the path, possibly empty).
 *
 * <p>Matching is segment by segment on the raw (not percent-decoded) path, case-sensitive. A
 * trailing slash is a segment of its own: {@code /posts/{slug}} matches {@code /posts/a} but not
 * {@code /posts/a/}. {@code /} matches only {@code /}; {@code /**} matches every path, {@code /}
 * included; {@code /api/**} matches {@code /api}, {@code /api/} and everything below.
 */
public final class PathTemplate {
  private final String source;
  private final String[] segments;
  private final boolean tail;

  private PathTemplate(String source, String[] segments, boolean tail) {
    this.source = source;
    this.segments = segments;
    this.tail = tail;
  }

  /**
   * Compiles a template.
   *
   * @throws IllegalArgumentException with a plain sentence when the template is malformed
   */
  public static PathTemplate compile(String template) {
    if (template == null || !template.startsWith("/")) {
      throw new IllegalArgumentException("a path template must start with '/'");
    }
    if (template.contains("?") || template.contains("#")) {
      throw new IllegalArgumentException(
          "a path template matches the path only; leave out the query ('?') and fragment ('#')");
    }
    String[] parts = split(template);
    List<String> segs = new ArrayList<>();
    boolean tail = false;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.equals("**")) {
        if (i != parts.length - 1) {
          throw new IllegalArgumentException("'**' may only be the last segment of a path template");
        }
        tail = true;
      } else if (p.startsWith("{") || p.endsWith("}")) {
        if (!p.matches("\\{[A-Za-z_][A-Za-z0-9_-]*}")) {
          throw new IllegalArgumentException(
              "path parameter '" + p + "' must look like {name} and fill a whole segment");
        }
        segs.add("*");
      } else if (p.contains("*") && !p.equals("*")) {
        throw new IllegalArgumentException("'*' must fill a whole path segment, not '" + p + "'");
      } else if (p.contains("{") || p.contains("}")) {
        throw new IllegalArgumentException("path parameter in '" + p + "' must fill a whole segment");
      } else {
        segs.add(p);
      }
    }
    return new PathTemplate(template, segs.toArray(String[]::new), tail);
  }

  /** Whether a request path (without query) matches. */
  public boolean matches(String path) {
    String[] parts = split(path);
    if (parts.length < segments.length || (!tail && parts.length != segments.length)) {
      return false;
    }
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.equals("*") ? parts[i].isEmpty() : !s.equals(parts[i])) {
        return false;
      }
    }
    return true;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.isEmpty()) {
      return new String[0];
    }
    return p.split("/", -1);
  }

  @Override
  public String toString() {
    return source;
  }
}
