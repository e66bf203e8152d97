package dev.strangler.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the settings a route inherits, {@code timeouts} and {@code shadow}: every key given
 * replaces that one key of the base (built-in defaults, then {@code defaults}, then the route), the
 * others are kept.
 */
final class OverridesReader {
  static final List<String> TIMEOUT_KEYS = List.of("connect", "response", "idle");
  static final List<String> SHADOW_KEYS =
      List.of("enabled", "sample", "methods", "timeout", "max-body", "mirror-writes", "max-in-flight", "noise");
  static final List<String> NOISE_KEYS = List.of("sample", "min-observations");

  private final NodeReader nodes;

  OverridesReader(NodeReader nodes) {
    this.nodes = nodes;
  }

  Timeouts timeouts(Optional<Node> node, String where, Timeouts base) throws ConfigException {
    if (node.isEmpty()) {
      return base;
    }
    Fields f = nodes.fields(node.get(), where, TIMEOUT_KEYS);
    return new Timeouts(
        f.value("connect", base.connect(), Durations::parse),
        f.value("response", base.response(), Durations::parse),
        f.value("idle", base.idle(), Durations::parse));
  }

  ShadowConfig shadow(Optional<Node> node, String where, ShadowConfig base) throws ConfigException {
    if (node.isEmpty()) {
      return base;
    }
    Fields f = nodes.fields(node.get(), where, SHADOW_KEYS);
    return new ShadowConfig(
        f.value("enabled", base.enabled(), Values::bool),
        f.value("sample", base.sample(), Values::sample),
        Set.copyOf(f.nonEmptyList("methods", List.copyOf(base.methods()), Values::method, "[GET, HEAD]")),
        f.value("timeout", base.timeout(), Durations::parse),
        f.value("max-body", base.maxBody(), Sizes::parse),
        f.value("mirror-writes", base.mirrorWrites(), Values::bool),
        f.value("max-in-flight", base.maxInFlight(), Values::positiveInt),
        noise(f.section("noise", "noise of " + where, NOISE_KEYS), base.noise()));
  }

  private static NoiseConfig noise(Optional<Fields> f, NoiseConfig base) throws ConfigException {
    return f.isEmpty() ? base : new NoiseConfig(
        f.get().value("sample", base.sample(), Values::sample),
        f.get().value("min-observations", base.minObservations(), Values::positiveInt));
  }
}
