package dev.strangler.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Reads the optional top-level {@code mask: {headers: [..], query: [..], json: [..]}}. */
final class MaskReader {
  static final List<String> KEYS = List.of("headers", "query", "json");

  private MaskReader() {}

  static MaskConfig read(Optional<Fields> mask) throws ConfigException {
    if (mask.isEmpty()) {
      return MaskConfig.none();
    }
    Fields f = mask.get();
    return new MaskConfig(
        new HashSet<>(f.list("headers", List.of(), Values::headerName)),
        new HashSet<>(f.list("query", List.of(), Values::nonBlank)),
        f.list("json", List.of(), JsonPathPattern::check));
  }
}
