package dev.strangler.config;

import java.util.List;
import java.util.Map;

/** How to get the core domain output (JSON) out of one side's response. */
public sealed interface CoreSpec {

  /** The JSON body, optionally narrowed by a JSON Pointer ("" means the whole body). */
  record Json(String pointer) implements CoreSpec {}

  /** JSON carried in a response header. */
  record Header(String name) implements CoreSpec {}

  /** JSON inside the {@code <script type="application/json">} matched by a CSS selector. */
  record HtmlIsland(String selector) implements CoreSpec {}

  /** A JSON object built from HTML: field name to CSS selector, {@code sel@attr} for an attribute. */
  record HtmlFields(Map<String, String> fields) implements CoreSpec {
    public HtmlFields {
      fields = Map.copyOf(fields);
    }
  }

  /** Only the status code is compared. */
  record StatusOnly() implements CoreSpec {}

  /**
   * A list of extractors: the first whose content type fits the response's wins ({@code json}:
   * {@code application/json} and {@code +json} types; {@code html-island} and {@code html-fields}:
   * {@code text/html} and {@code application/xhtml+xml}; {@code header} and {@code status-only}:
   * any; a response without Content-Type fits every extractor).
   */
  record FirstFit(List<CoreSpec> choices) implements CoreSpec {
    public FirstFit {
      choices = List.copyOf(choices);
    }
  }
}
