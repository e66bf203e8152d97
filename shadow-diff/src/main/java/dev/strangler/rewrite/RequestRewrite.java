package dev.strangler.rewrite;

import dev.strangler.capture.CaptureLine;
import dev.strangler.routing.PathTemplate;
import dev.strangler.routing.RequestPath;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every request sent to one side of a route is rewritten: its path (a template taking the
 * route's {@code {params}}), its query (keep, drop or set parameters) and its headers (set,
 * remove). Compiled once when routes.yaml loads and immutable; the one applier the edge (serving
 * request, mirror, noise repeat) and the replay tool share, over their own header types through
 * {@link HeaderEdits}.
 */
public final class RequestRewrite {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_-]*|\\*\\*)}");

  private final PathTemplate match;
  private final List<String> path;
  private final QueryRule query;
  private final Map<String, String> set;
  private final List<String> remove;

  private RequestRewrite(PathTemplate match, List<String> path, QueryRule query, Map<String, String> set,
      List<String> remove) {
    this.match = match;
    this.path = path;
    this.query = query;
    this.set = set;
    this.remove = remove;
  }

  /**
   * Compiles a rewrite.
   *
   * @param matchTemplate the route's match path, whose parameters the path template may use
   * @param pathTemplate  the new path, like {@code /api/v2/posts/{slug}}; null keeps the path
   * @param query         what to do with the query
   * @param set           headers to set, in order
   * @param remove        headers to remove
   * @throws IllegalArgumentException naming the problem, e.g. a parameter the route does not have
   */
  public static RequestRewrite compile(String matchTemplate, String pathTemplate, QueryRule query,
      Map<String, String> set, List<String> remove) {
    PathTemplate match = PathTemplate.compile(matchTemplate);
    return new RequestRewrite(match, pathTemplate == null ? null : parts(pathTemplate, match.parameters()),
        query, Collections.unmodifiableMap(new LinkedHashMap<>(set)), List.copyOf(remove));
  }

  /** Literal text and parameter references alternating: even indexes literal, odd ones names. */
  private static List<String> parts(String template, List<String> params) {
    if (!template.startsWith("/") || template.contains("?") || template.contains("#")) {
      throw new IllegalArgumentException("expected a path starting with '/', without '?' or '#',"
          + " like \"/api/v2/posts/{slug}\"");
    }
    List<String> parts = new ArrayList<>();
    Matcher m = PARAM.matcher(template);
    int at = 0;
    while (m.find()) {
      String name = m.group(1);
      if (!params.contains(name)) {
        throw new IllegalArgumentException("the route's match path has no parameter {" + name + "}"
            + (params.isEmpty() ? " (it has none)" : "; it has: {" + String.join("}, {", params) + "}"));
      }
      parts.add(template.substring(at, m.start()));
      parts.add(name);
      at = m.end();
    }
    String rest = template.substring(at);
    if (rest.contains("{") || rest.contains("}") || parts.stream().anyMatch(p -> p.contains("{") || p.contains("}"))) {
      throw new IllegalArgumentException("a parameter must look like {name}");
    }
    parts.add(rest);
    return List.copyOf(parts);
  }

  /** Whether the request target (path or query) changes. */
  public boolean rewritesTarget() {
    return path != null || query.mode() != QueryRule.Mode.KEEP;
  }

  /** Whether the headers change. */
  public boolean rewritesHeaders() {
    return !set.isEmpty() || !remove.isEmpty();
  }

  /**
   * The rewritten request target (origin form: path and optional query). A path that does not
   * match the route's template (it always does on a routed request) keeps its path.
   */
  public String target(String uri) {
    int q = uri.indexOf('?');
    String rawPath = q < 0 ? uri : uri.substring(0, q);
    String newPath = path == null ? rawPath : newPath(rawPath).orElse(rawPath);
    String newQuery = query.apply(q < 0 ? null : uri.substring(q + 1));
    return newQuery == null ? newPath : newPath + "?" + newQuery;
  }

  private Optional<String> newPath(String rawPath) {
    String normal = RequestPath.normalize(rawPath);
    return normal == null ? Optional.empty() : match.bind(normal).map(values -> {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < path.size(); i++) {
        out.append(i % 2 == 0 ? path.get(i) : values.get(path.get(i)));
      }
      return out.toString().replaceAll("/{2,}", "/");
    });
  }

  /** Applies the header changes: removals first, then the values set. */
  public void headers(HeaderEdits headers) {
    remove.forEach(headers::remove);
    set.forEach(headers::set);
  }

  /** A recorded request as this side gets it (replay). */
  public CaptureLine.Request apply(CaptureLine.Request request) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
    headers(new HeaderEdits() {
      @Override
      public void set(String name, String value) {
        remove(name);
        headers.add(new SimpleImmutableEntry<>(name, value));
      }

      @Override
      public void remove(String name) {
        headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
      }
    });
    return new CaptureLine.Request(request.method(), target(request.uri()), headers, request.body());
  }
}
