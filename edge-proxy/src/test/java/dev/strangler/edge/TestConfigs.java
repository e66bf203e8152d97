package dev.strangler.edge;

import dev.strangler.config.AdminConfig;
import dev.strangler.config.CompareConfig;
import dev.strangler.config.CoreSpec;
import dev.strangler.config.Defaults;
import dev.strangler.config.EdgeConfig;
import dev.strangler.config.HostPort;
import dev.strangler.config.Limits;
import dev.strangler.config.MaskConfig;
import dev.strangler.config.MatchConfig;
import dev.strangler.config.RecordConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.config.ShadowConfig;
import dev.strangler.config.StateConfig;
import dev.strangler.config.Timeouts;
import dev.strangler.config.UpstreamConfig;
import dev.strangler.routing.Side;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Edge configs for tests, built as the loader would build them. */
public final class TestConfigs {
  public static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60));
  public static final Limits LIMITS = new Limits(8 * 1024, 16 * 1024, 1024 * 1024);
  private static final ShadowConfig NO_SHADOW =
      new ShadowConfig(false, 1.0, Set.of("GET", "HEAD"), Duration.ofSeconds(5), 1024 * 1024, false, 256);

  private TestConfigs() {}

  public static EdgeConfig config(Path dir, String legacy, String fresh, List<RouteConfig> routes) {
    return new EdgeConfig(
        dir.resolve("routes.yaml"),
        new HostPort("127.0.0.1", 0),
        new AdminConfig(new HostPort("127.0.0.1", 0), "test-token"),
        new StateConfig(dir, "jdbc:sqlite:" + dir.resolve("edge.db")),
        Map.of(
            "legacy", upstream("legacy", legacy),
            "new", upstream("new", fresh)),
        new Defaults(TIMEOUTS, NO_SHADOW),
        LIMITS,
        routes,
        MaskConfig.none());
  }

  /** {@code config} with {@code mirror-pipelining} set on its new upstream. */
  public static EdgeConfig withNewPipelining(EdgeConfig c, int pipelining) {
    Map<String, UpstreamConfig> upstreams = new HashMap<>(c.upstreams());
    UpstreamConfig n = upstreams.get("new");
    upstreams.put("new", new UpstreamConfig(n.name(), n.targets(), n.ejectAfter(), n.ejectFor(), pipelining));
    return new EdgeConfig(c.source(), c.listen(), c.admin(), c.state(), upstreams, c.defaults(), c.limits(), c.routes(),
        c.mask());
  }

  /** The same config with other limits. */
  public static EdgeConfig withLimits(EdgeConfig c, Limits limits) {
    return new EdgeConfig(c.source(), c.listen(), c.admin(), c.state(), c.upstreams(), c.defaults(), limits,
        c.routes(), c.mask());
  }

  public static UpstreamConfig upstream(String name, String... targets) {
    return new UpstreamConfig(name, List.of(targets).stream().map(URI::create).toList(), 3, Duration.ofSeconds(10));
  }

  public static RouteConfig route(String id, String path, Side primary) {
    return route(id, path, primary, TIMEOUTS);
  }

  /** A shadowed route comparing both sides' JSON bodies under {@code compare}. */
  public static RouteConfig shadowed(String id, String path, Side primary, ShadowConfig shadow, CompareConfig compare) {
    return new RouteConfig(
        id,
        new MatchConfig(path, Set.of(), null),
        primary,
        shadow,
        Map.of(Side.LEGACY, new CoreSpec.Json(""), Side.NEW, new CoreSpec.Json("")),
        compare,
        new RecordConfig(0),
        TIMEOUTS,
        1);
  }

  /** Mirroring of GET and HEAD at 100%, 5 s timeout, 1 MiB bodies. */
  public static ShadowConfig shadow() {
    return new ShadowConfig(true, 1.0, Set.of("GET", "HEAD"), Duration.ofSeconds(5), 1024 * 1024, false, 256);
  }

  public static RouteConfig route(String id, String path, Side primary, Timeouts timeouts) {
    return new RouteConfig(
        id,
        new MatchConfig(path, Set.of(), null),
        primary,
        NO_SHADOW,
        Map.of(),
        CompareConfig.lenient(),
        new RecordConfig(0),
        timeouts,
        1);
  }
}
