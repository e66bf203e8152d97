package dev.strangler.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.CompareMode;
import dev.strangler.json.Json;
import dev.strangler.json.JsonSyntaxException;
import dev.strangler.json.TapeValue;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Test documents written with single quotes, and rule sets. */
final class Docs {
  static final JsonMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  private Docs() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tape of strict JSON text. */
  static TapeValue tape(String text) {
    try {
      return TapeValue.root(Json.parse(text));
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A diff whose values are given as JSON text, {@code null} for absent. */
  static Diff diff(String path, DiffKind kind, String legacy, String fresh) {
    return new Diff(path, kind, legacy == null ? null : json(legacy), fresh == null ? null : json(fresh));
  }

  static CompareConfig mode(CompareMode mode) {
    return new CompareConfig(mode, List.of(), List.of(), Map.of(), Map.of());
  }

  static List<Diff> compare(CompareConfig rules, String legacy, String fresh) {
    return new CoreComparator(rules).compare(json(legacy), json(fresh));
  }

  static List<Diff> compare(CompareMode mode, String legacy, String fresh) {
    return compare(mode(mode), legacy, fresh);
  }
}
