package dev.strangler.config;

import java.util.List;
import java.util.Set;

/**
 * Secrets to mask before anything reaches a discrepancy record, a capture or a log: the
 * optional top-level {@code mask: {headers: [..], query: [..], json: ["$.password", ..]}} of
 * routes.yaml. Authorization, Cookie, Set-Cookie and Proxy-Authorization are always masked on
 * top of these.
 *
 * @param headers     header names whose values are masked (case-insensitive)
 * @param queryParams query parameter names whose values are masked (case-insensitive)
 * @param jsonPaths   {@link JsonPathPattern}s whose values are masked in core outputs and diffs
 */
public record MaskConfig(Set<String> headers, Set<String> queryParams, List<String> jsonPaths) {

  public MaskConfig {
    headers = Set.copyOf(headers);
    queryParams = Set.copyOf(queryParams);
    jsonPaths = List.copyOf(jsonPaths);
  }

  /** Nothing configured: only the always-masked headers. */
  public static MaskConfig none() {
    return new MaskConfig(Set.of(), Set.of(), List.of());
  }
}
