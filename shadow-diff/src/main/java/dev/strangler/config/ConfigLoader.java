package dev.strangler.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates routes.yaml into an {@link EdgeConfig}. Every mistake is reported as a
 * {@link ConfigException} at the file, line and column of the offending node, with a sentence
 * saying what is wrong and what is expected. Unknown keys are refused everywhere.
 *
 * <p>Shape (defaults in parentheses):
 *
 * <pre>
 * listen: host:port                      # required
 * admin: {listen: (127.0.0.1:9901), token: ("" = generate one into the state dir)}
 * state: {dir: (./data), store: (jdbc:sqlite:&lt;dir&gt;/edge.db),   # or jdbc:postgresql://...
 *         instance: ("" = generated: host-pid-random)}   # this edge's name in a fleet, &lt;= 200 chars
 * upstreams:                             # required, exactly legacy and new
 *   legacy: {targets: [http://host:port, ...], eject-after: (5), eject-for: (10s),
 *            mirror-pipelining: (16)}   # mirrors waiting on one connection; 1: none
 *   new:    {...}
 * defaults:
 *   timeouts: {connect: (1s), response: (30s), idle: (60s)}
 *   shadow: {enabled: (true), sample: (1.0), methods: ([GET, HEAD]), timeout: (5s),
 *            max-body: (1MiB), mirror-writes: (false), max-in-flight: (256),
 *            noise: {sample: (0 = off), min-observations: (20)}}   # see NoiseConfig
 *   guard: {...}                         # every route's guard unless it has its own; see GuardReader
 * limits: {max-uri-length: (8KiB), max-header-size: (16KiB), max-request-body: (100MiB),
 *          header-timeout: (10s)}
 * mask: {headers: ([]), query: ([]), json: ([])}   # secrets kept out of records, captures, logs
 * lifecycle: {drain-delay: (0s), drain-timeout: (30s)}   # SIGTERM/SIGINT drain; read at start only
 * routes:                                # required, non-empty; first match wins
 *   - id: [A-Za-z0-9._-]+                # required, unique
 *     match: {path: "/template", methods: (any), host: (any)}   # path required
 *     primary: legacy | new              # required
 *     shadow: {...}                      # overrides single keys of defaults.shadow
 *     timeouts: {...}                    # overrides single keys of defaults.timeouts
 *     core: {legacy: X, new: X}          # X: {json: "/ptr"} | {header: Name} | {html-island: css}
 *                                        #    | {html-fields: {name: "css[@attr]"}} | {status-only: true}
 *                                        #    | [X, ...]: the first fitting the content type
 *     rewrite: {legacy: R, new: R}       # every request sent to that side; R: {path: "/t/{param}",
 *                                        #   query: keep|drop|{set: {k: v}},
 *                                        #   headers: {set: {Name: value}, remove: [Name]}}
 *     compare: {mode: (lenient), ignore: [$..], unordered: [$..], keyed: {$..: field},
 *               tolerance: {$..: number}}
 *     record: {sample: (0)}
 *     sticky: {cookie: Name} | {header: Name}   # (the client address): who a user is under a weight
 *     guard: {max-error-rate: (2%), max-diff-rate: (1%), min-requests: (100), window: (60s)}
 *                                        # overrides single keys of defaults.guard; off: none;
 *                                        # absent: defaults.guard (none without one)
 * alerts: {webhook: http(s)://host/path, timeout: (5s), queue: (1000), max-age: (10m)}   # AlertsConfig
 * </pre>
 *
 * <p>{@code limits} is an addition to the documented shape: the data plane's request size limits.
 * So is {@code mask} (see {@link MaskConfig}); its {@code json} entries must be valid
 * {@link JsonPathPattern}s. Relative paths in {@code state} are resolved against the config
 * file's directory. Values may use {@code ${VAR}} and {@code ${VAR:-default}} (see
 * {@link EnvSubstitution}), even unquoted inside a flow mapping. Durations follow {@link Durations}, sizes {@link Sizes}; samples are
 * fractions from 0 to 1. YAML anchors and aliases work; merge keys ({@code <<}) do not.
 */
public final class ConfigLoader {
  static final String TOP_LEVEL = "the top level";
  private static final List<String> TOP_KEYS =
      List.of("listen", "admin", "state", "upstreams", "defaults", "limits", "mask", "lifecycle", "alerts", "routes");

  private ConfigLoader() {}

  /** Loads a file, taking {@code ${VAR}} values from the process environment. */
  public static EdgeConfig load(Path file) throws ConfigException {
    return load(file, System.getenv());
  }

  /** Loads a file, taking {@code ${VAR}} values from {@code env}. */
  public static EdgeConfig load(Path file, Map<String, String> env) throws ConfigException {
    YamlDocument.Composed doc = YamlDocument.compose(file);
    Node root = doc.root();
    NodeReader nodes = new NodeReader(file, env);
    Path baseDir = file.toAbsolutePath().normalize().getParent();
    Fields top = nodes.fields(root, TOP_LEVEL, TOP_KEYS);

    HostPort listen = top.required("listen", HostPort::parse);
    AdminConfig admin = admin(top.section("admin", "admin", List.of("listen", "token")));
    StateConfig state = new StateReader(nodes, baseDir)
        .read(top.section("state", "state", StateReader.KEYS));
    Map<String, UpstreamConfig> upstreams = new UpstreamsReader(nodes).read(top.require("upstreams"));
    Defaults defaults = defaults(nodes, top.section("defaults", "defaults", List.of("timeouts", "shadow", "guard")));
    Limits limits = limits(top.section("limits", "limits",
        List.of("max-uri-length", "max-header-size", "max-request-body", "header-timeout")));
    MaskConfig mask = MaskReader.read(top.section("mask", "mask", MaskReader.KEYS));
    LifecycleConfig lifecycle =
        lifecycle(top.section("lifecycle", "lifecycle", List.of("drain-delay", "drain-timeout")));
    AlertsConfig alerts = AlertsReader.read(top.section("alerts", "alerts", AlertsReader.KEYS));
    List<RouteConfig> routes = new RouteReader(nodes, defaults).readAll(top.require("routes"));
    return new EdgeConfig(file, listen, admin, state, upstreams, defaults, limits, routes, mask, lifecycle,
        doc.sha256(), alerts);
  }

  private static AdminConfig admin(Optional<Fields> f) throws ConfigException {
    HostPort listen = new HostPort("127.0.0.1", 9901);
    return f.isEmpty()
        ? new AdminConfig(listen, "")
        : new AdminConfig(f.get().value("listen", listen, HostPort::parse),
            f.get().value("token", "", String::strip));
  }

  private static Defaults defaults(NodeReader nodes, Optional<Fields> f) throws ConfigException {
    Defaults standard = Defaults.standard();
    if (f.isEmpty()) {
      return standard;
    }
    OverridesReader overrides = new OverridesReader(nodes);
    return new Defaults(
        overrides.timeouts(f.get().node("timeouts"), "defaults.timeouts", standard.timeouts()),
        overrides.shadow(f.get().node("shadow"), "defaults.shadow", standard.shadow()),
        new GuardReader(nodes).read(f.get(), "defaults.guard", null));
  }

  private static Limits limits(Optional<Fields> f) throws ConfigException {
    Limits standard = Limits.standard();
    if (f.isEmpty()) {
      return standard;
    }
    return new Limits(
        f.get().value("max-uri-length", standard.maxUriLength(), Values::intSize),
        f.get().value("max-header-size", standard.maxHeaderSize(), Values::intSize),
        f.get().value("max-request-body", standard.maxRequestBody(), Sizes::parse),
        f.get().value("header-timeout", standard.headerTimeout(), Durations::parse));
  }

  private static LifecycleConfig lifecycle(Optional<Fields> f) throws ConfigException {
    LifecycleConfig standard = LifecycleConfig.standard();
    if (f.isEmpty()) {
      return standard;
    }
    return new LifecycleConfig(
        f.get().value("drain-delay", standard.drainDelay(), Durations::parseZeroOrMore),
        f.get().value("drain-timeout", standard.drainTimeout(), Durations::parse));
  }
}
