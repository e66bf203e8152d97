package dev.strangler.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code guard: {max-error-rate, max-diff-rate, min-requests, window}} of a route or of
 * {@code defaults}: each key given replaces that key of the base (the route inherits
 * {@code defaults.guard}; without one, or for {@code defaults.guard} itself, the base is
 * {@link GuardConfig#standard()}); {@code guard: off} turns the guard off. A route without
 * {@code guard:} takes {@code defaults.guard} as it is (none when there is none). Rates are
 * percentages from 0% to 100% ({@code 2%}, {@code 0.5%}); the window is whole seconds, 1s to 1h.
 */
final class GuardReader {
  static final List<String> KEYS = List.of("max-error-rate", "max-diff-rate", "min-requests", "window");

  private static final String OFF = "off";

  private final NodeReader nodes;

  GuardReader(NodeReader nodes) {
    this.nodes = nodes;
  }

  /**
   * The guard that the {@code guard} key of {@code owner} (a route, or {@code defaults}) gives, or
   * null for none.
   *
   * @param where     how messages name the guard's mapping
   * @param inherited what applies without the key (the defaults' guard, or null)
   */
  GuardConfig read(Fields owner, String where, GuardConfig inherited) throws ConfigException {
    Optional<Node> node = owner.node("guard");
    if (node.isEmpty()) {
      return inherited;
    }
    if (node.get() instanceof ScalarNode) {
      nodes.value(node.get(), owner.what("guard"), GuardReader::off);
      return null;
    }
    GuardConfig base = inherited != null ? inherited : GuardConfig.standard();
    Fields f = nodes.fields(node.get(), where, KEYS);
    return new GuardConfig(
        f.value("max-error-rate", base.maxErrorRate(), GuardReader::percent),
        f.value("max-diff-rate", base.maxDiffRate(), GuardReader::percent),
        f.value("min-requests", base.minRequests(), Values::positiveInt),
        f.value("window", base.window(), GuardReader::window));
  }

  private static String off(String text) {
    if (!text.strip().equals(OFF)) {
      throw new IllegalArgumentException("expected a mapping like {max-error-rate: 2%} or off");
    }
    return text;
  }

  static double percent(String text) {
    String t = text.strip();
    String expected = "expected a percentage from 0% to 100%, like 2% or 0.5%";
    if (!t.endsWith("%")) {
      throw new IllegalArgumentException(expected);
    }
    double d;
    try {
      d = Double.parseDouble(t.substring(0, t.length() - 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(expected);
    }
    if (!Double.isFinite(d) || d < 0 || d > 100) {
      throw new IllegalArgumentException(expected);
    }
    return d / 100;
  }

  static Duration window(String text) {
    String expected = "expected whole seconds from 1s to 1h, like 60s or 5m";
    Duration d;
    try {
      d = Durations.parse(text.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(expected);
    }
    if (d.toMillis() % 1000 != 0 || d.compareTo(GuardConfig.MAX_WINDOW) > 0) {
      throw new IllegalArgumentException(expected);
    }
    return d;
  }
}
