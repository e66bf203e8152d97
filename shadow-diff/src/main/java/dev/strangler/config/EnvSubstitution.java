package dev.strangler.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands environment references in routes.yaml scalar values: {@code ${NAME}} is the variable's
 * value (an unset variable is an error) and {@code ${NAME:-default}} falls back to the text after
 * {@code :-} (taken literally up to the closing brace; no nesting) when the variable is unset or
 * empty. A {@code $} not followed by <code>{</code> stays as it is, so {@code $.a.b} paths are safe.
 * Expansion happens before a value is typed, so durations, sizes and samples may come from the
 * environment; keys are never expanded.
 */
public final class EnvSubstitution {
  private static final char OPEN = '\uE000';
  private static final char CLOSE = '\uE001';
  private static final Pattern REFERENCE_IN_TEXT = Pattern.compile("\\$\\{([^{}\\r\\n]*)}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private EnvSubstitution() {}

  /**
   * Expands the references in one value.
   *
   * @throws IllegalArgumentException naming an unset variable or a malformed reference
   */
  public static String expand(String value, Map<String, String> env) {
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      int start = value.indexOf("${", i);
      if (start < 0) {
        out.append(value, i, value.length());
        break;
      }
      out.append(value, i, start);
      int end = value.indexOf('}', start + 2);
      if (end < 0) {
        throw new IllegalArgumentException(
            "'${' is not closed; expected ${NAME} or ${NAME:-default}");
      }
      out.append(resolve(value.substring(start + 2, end), env));
      i = end + 1;
    }
    return out.toString();
  }

  private static String resolve(String reference, Map<String, String> env) {
    int sep = reference.indexOf(":-");
    String name = sep < 0 ? reference : reference.substring(0, sep);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'${" + reference + "}' is not a valid reference; expected ${NAME} or ${NAME:-default}"
              + " with NAME made of letters, digits and '_'");
    }
    String value = env.get(name);
    if (sep >= 0) {
      return value == null || value.isEmpty() ? reference.substring(sep + 2) : value;
    }
    if (value == null) {
      throw new IllegalArgumentException(
          "environment variable '" + name + "' is not set; set it or write ${" + name
              + ":-default}");
    }
    return value;
  }

  /**
   * Hides the braces of every <code>${...}</code> from the YAML parser, character for character, so
   * a reference may stand unquoted inside a flow mapping ({@code {token: ${TOKEN:-}}}) and every
   * position in the text stays where it was. {@link #unshield} restores a parsed scalar.
   */
  static String shield(String yamlText) {
    Matcher m = REFERENCE_IN_TEXT.matcher(yamlText);
    return m.replaceAll(r -> Matcher.quoteReplacement("$" + OPEN + r.group(1) + CLOSE));
  }

  /** Restores the braces {@link #shield} hid. */
  static String unshield(String text) {
    return text.replace(OPEN, '{').replace(CLOSE, '}');
  }
}
