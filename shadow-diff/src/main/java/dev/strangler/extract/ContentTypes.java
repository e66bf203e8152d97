package dev.strangler.extract;

import dev.strangler.config.CoreSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which extractor fits which response content type, for {@link CoreSpec.FirstFit}: {@code json}
 * takes {@code application/json} and every {@code +json} type; {@code html-island} and
 * {@code html-fields} take {@code text/html} and {@code application/xhtml+xml}; {@code header} and
 * {@code status-only} take any. A response without Content-Type fits every extractor.
 */
final class ContentTypes {
  private ContentTypes() {}

  /** The first of the choices that fits the response, if any. */
  static Optional<CoreSpec> choose(List<CoreSpec> choices, CapturedResponse r) {
    Optional<String> media = media(r);
    return choices.stream().filter(c -> media.isEmpty() || fits(c, media.get())).findFirst();
  }

  private static boolean fits(CoreSpec spec, String media) {
    if (spec instanceof CoreSpec.Json) {
      return media.equals("application/json") || media.endsWith("+json");
    }
    if (spec instanceof CoreSpec.HtmlIsland || spec instanceof CoreSpec.HtmlFields) {
      return media.equals("text/html") || media.equals("application/xhtml+xml");
    }
    return true;
  }

  /** The media type of the response (lower case, without parameters), if it has one. */
  private static Optional<String> media(CapturedResponse r) {
    return r.header("Content-Type")
        .map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
        .filter(v -> !v.isEmpty());
  }

  /** How a failure names what arrived: {@code (Content-Type: text/html; charset=utf-8)}. */
  static String arrived(CapturedResponse r) {
    return r.header("Content-Type").map(v -> " (Content-Type: " + clip(v) + ")").orElse(" (no Content-Type)");
  }

  private static String clip(String value) {
    String v = value.strip();
    return v.length() > 100 ? v.substring(0, 100) + "…" : v;
  }

  /** The extractor kinds of a list, for messages: {@code json, html-island}. */
  static String kinds(List<CoreSpec> choices) {
    return String.join(", ", choices.stream().map(ContentTypes::kind).toList());
  }

  private static String kind(CoreSpec spec) {
    if (spec instanceof CoreSpec.Json) {
      return "json";
    }
    if (spec instanceof CoreSpec.HtmlIsland) {
      return "html-island";
    }
    if (spec instanceof CoreSpec.HtmlFields) {
      return "html-fields";
    }
    return spec instanceof CoreSpec.Header ? "header" : "status-only";
  }
}
