package dev.strangler.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled path template: literal segments, {@code {name}} and {@code *} (exactly one
 * non-empty segment) and a trailing {@code **} (the rest of the path, possibly empty).
 *
 * <p>Matching is segment by segment on the raw (not percent-decoded) path, case-sensitive. A
 * trailing slash is a segment of its own: {@code /posts/{slug}} matches {@code /posts/a} but not
 * {@code /posts/a/}. {@code /} matches only {@code /}; {@code /**} matches every path, {@code /}
 * included; {@code /api/**} matches {@code /api}, {@code /api/} and everything below.
 *
 * <p>{@link #bind} gives the values a path takes for the template's {@code {name}} parameters and,
 * under the name {@value #TAIL}, what a trailing {@code **} matched.
 */
public final class PathTemplate {
  /** The parameter name of what a trailing {@code **} matched (without its leading slash). */
  public static final String TAIL = "**";

  private final String source;
  private final String[] segments;
  private final String[] names;
  private final boolean tail;

  private PathTemplate(String source, String[] segments, String[] names, boolean tail) {
    this.source = source;
    this.segments = segments;
    this.names = names;
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
    List<String> names = new ArrayList<>();
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
        names.add(p.substring(1, p.length() - 1));
        continue;
      } else if (p.contains("*") && !p.equals("*")) {
        throw new IllegalArgumentException("'*' must fill a whole path segment, not '" + p + "'");
      } else if (p.contains("{") || p.contains("}")) {
        throw new IllegalArgumentException("path parameter in '" + p + "' must fill a whole segment");
      } else {
        segs.add(p);
      }
      if (!tail) {
        names.add(null);
      }
    }
    return new PathTemplate(template, segs.toArray(String[]::new), names.toArray(String[]::new), tail);
  }

  /** The names of the {@code {name}} parameters, in order, and {@value #TAIL} for a trailing {@code **}. */
  public List<String> parameters() {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (n != null) {
        out.add(n);
      }
    }
    if (tail) {
      out.add(TAIL);
    }
    return Collections.unmodifiableList(out);
  }

  /** The parameter values of a matching path (raw segments as in the path), or empty when it does not match. */
  public Optional<Map<String, String>> bind(String path) {
    if (!matches(path)) {
      return Optional.empty();
    }
    String[] parts = split(path);
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null) {
        values.put(names[i], parts[i]);
      }
    }
    if (tail) {
      values.put(TAIL, String.join("/", Arrays.copyOfRange(parts, segments.length, parts.length)));
    }
    return Optional.of(values);
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
