package dev.strangler.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Parsers for the plain value forms of routes.yaml; each failure says the expected form. */
final class Values {
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");

  private Values() {}

  /** A fraction from 0 to 1. */
  static double sample(String text) {
    double d = number(text, "expected a fraction from 0 to 1, like 0.01 or 1.0");
    if (d < 0 || d > 1) {
      throw new IllegalArgumentException("expected a fraction from 0 to 1, like 0.01 or 1.0");
    }
    return d;
  }

  /** A finite number of at least 0. */
  static double nonNegative(String text) {
    double d = number(text, "expected a number of at least 0, like 0.005");
    if (d < 0) {
      throw new IllegalArgumentException("expected a number of at least 0, like 0.005");
    }
    return d;
  }

  private static double number(String text, String expected) {
    try {
      double d = Double.parseDouble(text.strip());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(expected);
  }

  /** {@code true} or {@code false}. */
  static boolean bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  /** A whole number of at least 1. */
  static int positiveInt(String text) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected a whole number of at least 1, like 5");
  }

  /** A size that fits an int (for limits enforced on in-memory heads). */
  static int intSize(String text) {
    long size = Sizes.parse(text);
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("expected a size below 2GiB");
    }
    return (int) size;
  }

  /** An HTTP method (an RFC 9110 token), upper-cased. */
  static String method(String text) {
    if (!TOKEN.matcher(text.strip()).matches()) {
      throw new IllegalArgumentException("expected an HTTP method like GET or POST");
    }
    return text.strip().toUpperCase(Locale.ROOT);
  }

  /** An HTTP header name (an RFC 9110 token). */
  static String headerName(String text) {
    if (!TOKEN.matcher(text.strip()).matches()) {
      throw new IllegalArgumentException("expected a header name like X-Core-Output");
    }
    return text.strip();
  }

  /** A host name or IP address without port, lower-cased. */
  static String host(String text) {
    if (!HOST.matcher(text.strip()).matches()) {
      throw new IllegalArgumentException("expected a host name without port, like example.com");
    }
    return text.strip().toLowerCase(Locale.ROOT);
  }

  /** Text that must not be blank. */
  static String nonBlank(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("expected a non-empty value");
    }
    return text;
  }
}
