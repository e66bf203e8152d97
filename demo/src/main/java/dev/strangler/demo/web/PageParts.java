package dev.strangler.demo.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.strangler.demo.blog.CoreJson;
import java.io.UncheckedIOException;

/** Helpers both HTML designs share: text escaping and the core-JSON island. */
public final class PageParts {
  private PageParts() {}

  /** Escapes text for HTML element content and quoted attribute values. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The {@code <script type="application/json" id="core">} island carrying a post's core JSON.
   * {@code <}, {@code >} and {@code &} only occur inside JSON strings, so they are written as
   * {@code \}{@code u} escapes: the island can never close the script early and parses to the same
   * value.
   */
  public static String coreIsland(JsonNode core) {
    try {
      String json =
          CoreJson.MAPPER
              .writeValueAsString(core)
              .replace("<", "\\u003c")
              .replace(">", "\\u003e")
              .replace("&", "\\u0026");
      return "<script type=\"application/json\" id=\"core\">" + json + "</script>";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
