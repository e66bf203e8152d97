package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.CompareMode;
import dev.strangler.json.Json;
import dev.strangler.json.JsonSyntaxException;
import dev.strangler.json.Tape;
import dev.strangler.json.TapeValue;
import java.util.Arrays;
import java.util.List;

/**
 * Compares the core output of the legacy side ("expected") with that of the new side ("actual")
 * under a route's {@link CompareConfig}, with JSONAssert's verdicts for its four modes.
 *
 * <ul>
 *   <li>A field the legacy side has and the new side lacks is {@link DiffKind#MISSING}; a field
 *       only the new side has is {@link DiffKind#UNEXPECTED}, reported only in the
 *       non-extensible modes. {@code null} is a value: {@code {"a":null}} vs {@code {}} is missing.
 *   <li>Different JSON types are {@link DiffKind#TYPE_CHANGED}; same type, different value is
 *       {@link DiffKind#CHANGED}. Numbers compare by value ({@link Numbers}), within the
 *       absolute {@code tolerance} on matching paths.
 *   <li>Arrays compare index by index in the strict-order modes (extra or lacking tail items are
 *       unexpected or missing), as multisets otherwise and on {@code unordered} paths
 *       ({@link ItemPairing}), and by key field on {@code keyed} paths ({@link KeyedItems}).
 *       Arrays never extend: an added item is unexpected in every mode.
 *   <li>{@code ignore} paths are left out on both sides, with everything below them.
 * </ul>
 *
 * <p>Documents are compared as {@link dev.strangler.json.Tape}s, straight off their bytes; Jackson
 * trees are built only for the values of the diffs reported. The rules are compiled once; an
 * instance is immutable and safe to share between threads.
 */
public final class CoreComparator {
  private final CompareMode mode;
  private final RuleState root;
  private final NodeHash hashes;

  /**
   * Compiles the rules.
   *
   * @throws IllegalArgumentException if a rule path is not a valid pattern ({@code $},
   *     {@code .name}, {@code ['name']}, {@code .*}, {@code [*]})
   */
  public CoreComparator(CompareConfig rules) {
    this.mode = rules.mode();
    this.root = RuleCompiler.compile(rules);
    this.hashes = new NodeHash(mode.strictOrder());
  }

  /**
   * The differences between two documents, in document order; empty when they match. A
   * {@code null} stands for an absent document.
   */
  public List<Diff> compare(TapeValue legacy, TapeValue fresh) {
    if (root.ignored() || (legacy == null && fresh == null)) {
      return List.of();
    }
    if (legacy == null || fresh == null) {
      return List.of(fresh == null
          ? new Diff("$", DiffKind.MISSING, legacy.toJsonNode(), null)
          : new Diff("$", DiffKind.UNEXPECTED, null, fresh.toJsonNode()));
    }
    Walk walk = new Walk(mode, hashes, legacy.tape(), fresh.tape());
    walk.node(root, legacy.node(), fresh.node());
    return walk.diffs();
  }

  /**
   * The differences between two documents given as UTF-8 JSON bytes (parsed as {@link Json#parse}
   * does); identical bytes are only validated (they are equal under every rule), and the new document is parsed with the legacy one as
   * known values ({@link Json#parse(byte[], Tape)}).
   *
   * @throws JsonSyntaxException if a document is not valid JSON
   */
  public List<Diff> compare(byte[] legacy, byte[] fresh) throws JsonSyntaxException {
    if (Arrays.equals(legacy, fresh)) {
      Json.validate(legacy);
      return List.of();
    }
    Tape legacyTape = Json.parse(legacy);
    return compare(TapeValue.root(legacyTape), TapeValue.root(Json.parse(fresh, legacyTape)));
  }

  /**
   * The same for documents held as Jackson trees (each is written as JSON and parsed into a
   * tape). A {@code null} or missing node stands for an absent document.
   */
  public List<Diff> compare(JsonNode legacy, JsonNode fresh) {
    return compare(tape(legacy), tape(fresh));
  }

  private static TapeValue tape(JsonNode tree) {
    return tree == null || tree.isMissingNode() ? null : TapeValue.root(Json.of(tree));
  }
}
