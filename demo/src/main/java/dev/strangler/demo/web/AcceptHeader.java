package dev.strangler.demo.web;

import java.util.Locale;

/** Just enough of RFC 9110 content negotiation to choose between HTML and JSON. */
public final class AcceptHeader {
  private AcceptHeader() {}

  /**
   * Whether {@code accept} rates text/html strictly higher than application/json. A missing or
   * empty header, or a tie, prefers JSON.
   */
  public static boolean prefersHtml(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    return quality(accept, "text", "html") > quality(accept, "application", "json");
  }

  /** The q-value the most specific matching media range gives {@code type/subtype}; 0 if none. */
  static double quality(String accept, String type, String subtype) {
    int bestSpecificity = -1;
    double bestQuality = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String[] media = parts[0].strip().toLowerCase(Locale.ROOT).split("/", 2);
      if (media.length != 2) {
        continue;
      }
      int specificity = specificity(media[0], media[1], type, subtype);
      if (specificity > bestSpecificity) {
        bestSpecificity = specificity;
        bestQuality = qValue(parts);
      }
    }
    return bestQuality;
  }

  private static int specificity(String rangeType, String rangeSub, String type, String subtype) {
    if (rangeType.equals(type) && rangeSub.equals(subtype)) {
      return 2;
    }
    if (rangeType.equals(type) && rangeSub.equals("*")) {
      return 1;
    }
    return rangeType.equals("*") && rangeSub.equals("*") ? 0 : -1;
  }

  private static double qValue(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].strip();
      if (param.startsWith("q=") || param.startsWith("Q=")) {
        try {
          return Math.max(0, Math.min(1, Double.parseDouble(param.substring(2).strip())));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
