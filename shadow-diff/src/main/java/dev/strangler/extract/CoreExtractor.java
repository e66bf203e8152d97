package dev.strangler.extract;

import dev.strangler.config.CoreSpec;
import dev.strangler.json.Json;
import dev.strangler.json.JsonSyntaxException;
import dev.strangler.json.Tape;
import dev.strangler.json.TapeValue;

/**
 * Gets the core domain output (JSON) out of one side's captured response, as the route's
 * {@link CoreSpec} says. The body is first freed of its {@code Content-Encoding} (gzip, deflate,
 * br). Never throws: every problem, from a corrupt gzip stream to a JSON Pointer that matches
 * nothing, comes back as an {@link Extraction.Failed} with a reason for a person.
 *
 * <p>Extractors: {@code json} parses the body, narrowed by a JSON Pointer ({@code ""} is the
 * whole body); {@code header} parses the first value of a header as JSON; {@code html-island}
 * parses the text of the first {@code <script>} matched by a CSS selector whose text is JSON
 * (any script type, typically {@code application/json}); {@code html-fields} builds an object
 * from CSS-selected texts and attributes (see {@link HtmlCore#fields}); {@code status-only} and a
 * missing spec give a JSON null, leaving the status alone to compare. A list of extractors
 * ({@link CoreSpec.FirstFit}) uses the first whose content type fits the response
 * ({@link ContentTypes}). Every failure names the Content-Type that arrived.
 *
 * <p>The core comes back as a value of a {@link dev.strangler.json.Tape} over the bytes (a JSON
 * Pointer is followed on the tape); only {@code html-fields} builds a small Jackson tree first.
 */
public final class CoreExtractor {

  private CoreExtractor() {}

  /**
   * Extracts the core output.
   *
   * @param spec how to extract it; null means status only
   * @param r    the captured response
   */
  public static Extraction extract(CoreSpec spec, CapturedResponse r) {
    return extract(spec, r, null);
  }

  /**
   * Extracts the core output of one side, parsing it with the other side's already extracted core
   * as known values ({@link Json#parse(byte[], Tape)}): the same result, faster when they share
   * much.
   *
   * @param like the other side's core document, or null
   */
  public static Extraction extract(CoreSpec spec, CapturedResponse r, Tape like) {
    try {
      return new Extraction.Ok(core(chosen(spec, r), r, like));
    } catch (ExtractionException e) {
      return new Extraction.Failed(e.getMessage() + ContentTypes.arrived(r));
    } catch (RuntimeException | StackOverflowError e) {
      return new Extraction.Failed("cannot extract the core output: " + e + ContentTypes.arrived(r));
    }
  }

  /** The extractor to use on {@code r}: the spec itself, or the first of a list that fits. */
  private static CoreSpec chosen(CoreSpec spec, CapturedResponse r) throws ExtractionException {
    if (!(spec instanceof CoreSpec.FirstFit list)) {
      return spec;
    }
    return ContentTypes.choose(list.choices(), r).orElseThrow(() -> new ExtractionException(
        "no extractor of [" + ContentTypes.kinds(list.choices()) + "] fits the response's content type"));
  }

  /**
   * Whether {@code spec} takes the whole body as the core and the body of {@code r} is valid
   * JSON, checked without building a tape: when both sides answered these same bytes, their
   * cores are equal under every comparison rule and nothing more needs extracting.
   */
  public static boolean wholeBodyIsJson(CoreSpec spec, CapturedResponse r) {
    try {
      if (!(chosen(spec, r) instanceof CoreSpec.Json j) || !j.pointer().isEmpty()) {
        return false;
      }
      byte[] body = ContentDecoding.decode(r.headerValues("Content-Encoding"), r.body());
      if (body.length == 0) {
        return false;
      }
      Json.validate(body);
      return true;
    } catch (ExtractionException | JsonSyntaxException | RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  private static TapeValue core(CoreSpec spec, CapturedResponse r, Tape like) throws ExtractionException {
    if (spec == null || spec instanceof CoreSpec.StatusOnly) {
      return TapeValue.root(Json.nullDocument());
    }
    if (spec instanceof CoreSpec.Header h) {
      String value = r.header(h.name()).orElseThrow(
          () -> new ExtractionException("the response has no " + h.name() + " header"));
      return TapeValue.root(JsonText.parse(value, "the " + h.name() + " header", like));
    }
    byte[] body = ContentDecoding.decode(r.headerValues("Content-Encoding"), r.body());
    if (spec instanceof CoreSpec.Json j) {
      return JsonText.at(JsonText.parse(body, "the body", like), j.pointer());
    }
    if (spec instanceof CoreSpec.HtmlIsland island) {
      return HtmlCore.island(HtmlCore.parse(body, r.header("Content-Type")), island.selector(), like);
    }
    if (spec instanceof CoreSpec.HtmlFields fields) {
      return TapeValue.root(Json.of(HtmlCore.fields(HtmlCore.parse(body, r.header("Content-Type")), fields.fields())));
    }
    throw new ExtractionException("unknown core extractor " + spec);
  }
}
