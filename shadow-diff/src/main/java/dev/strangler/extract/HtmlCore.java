package dev.strangler.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.strangler.json.Tape;
import dev.strangler.json.TapeValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/** Core outputs taken from HTML: a JSON island in a script element, or fields picked by CSS. */
final class HtmlCore {
  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private HtmlCore() {}

  /**
   * Parses HTML, in the charset of the Content-Type when it names a supported one, otherwise as
   * declared by a BOM or {@code <meta charset>}, otherwise UTF-8.
   */
  static Document parse(byte[] body, Optional<String> contentType) throws ExtractionException {
    try {
      return Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), "");
    } catch (IOException | RuntimeException e) {
      throw new ExtractionException("cannot parse the body as HTML: " + e.getMessage(), e);
    }
  }

  private static String charset(Optional<String> contentType) {
    if (contentType.isEmpty()) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType.get());
    if (!m.find()) {
      return null;
    }
    String name = m.group(1);
    try {
      return Charset.isSupported(name) ? name : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The JSON in the first script element matched by the selector whose text is JSON ({@code like}: see {@link JsonText#parse}). */
  static TapeValue island(Document doc, String selector, Tape like) throws ExtractionException {
    Elements matched = select(doc, selector);
    ExtractionException last = null;
    for (Element e : matched) {
      if (!e.normalName().equals("script")) {
        last = new ExtractionException(
            "selector '" + selector + "' matches a <" + e.normalName() + ">, not a <script>");
        continue;
      }
      try {
        return TapeValue.root(JsonText.parse(e.data(), "the <script> matched by '" + selector + "'", like));
      } catch (ExtractionException notJson) {
        last = notJson;
      }
    }
    if (last == null) {
      throw new ExtractionException("selector '" + selector + "' matches nothing in the HTML");
    }
    throw last;
  }

  /**
   * A JSON object with one member per field: the text of the first element matched by the
   * field's selector, or the value of its attribute for {@code css@attr}. A missing element or
   * attribute gives JSON null (so the other side's value shows as a diff instead of the whole
   * extraction failing). Text that is exactly a JSON number literal becomes a number, so
   * {@code price: "span.price@data-amount"} compares with a numeric price and with tolerances.
   */
  static JsonNode fields(Document doc, Map<String, String> fields) throws ExtractionException {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      out.set(field.getKey(), field(doc, field.getValue()));
    }
    return out;
  }

  private static JsonNode field(Document doc, String spec) throws ExtractionException {
    int at = spec.lastIndexOf('@');
    boolean hasAttribute = at > spec.lastIndexOf(']');
    String css = hasAttribute ? spec.substring(0, at) : spec;
    Element first = select(doc, css).first();
    if (first == null) {
      return NullNode.instance;
    }
    if (!hasAttribute) {
      return value(first.text());
    }
    String attribute = spec.substring(at + 1).toLowerCase(Locale.ROOT);
    return first.hasAttr(attribute) ? value(first.attr(attribute)) : NullNode.instance;
  }

  /** Numbers are parsed as JSON parses them, so they equal the same number from a JSON side. */
  private static JsonNode value(String text) throws ExtractionException {
    String trimmed = text.strip();
    return NUMBER.matcher(trimmed).matches()
        ? JsonText.parse(trimmed, "the number '" + trimmed + "'", null).toJsonNode(0)
        : TextNode.valueOf(text);
  }

  private static Elements select(Document doc, String css) throws ExtractionException {
    try {
      return doc.select(css);
    } catch (Selector.SelectorParseException | IllegalArgumentException e) {
      throw new ExtractionException("'" + css + "' is not a CSS selector: " + e.getMessage(), e);
    }
  }
}
