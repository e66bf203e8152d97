package dev.strangler.edge.admin;

import dev.strangler.config.AdminConfig;
import dev.strangler.config.CompareConfig;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds small, valid {@link EdgeConfig}s for tests. */
final class EdgeConfigFixture {
  static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
  static final ShadowConfig SHADOW =
      new ShadowConfig(true, 1.0, Set.of("GET", "HEAD"), Duration.ofSeconds(5), 1 << 20, false, 256);

  private EdgeConfigFixture() {}

  static RouteConfig route(String id, String path, Set<String> methods, String host, Side primary, int line) {
    return new RouteConfig(id, new MatchConfig(path, methods, host), primary, SHADOW, Map.of(),
        CompareConfig.lenient(), new RecordConfig(0), TIMEOUTS, line);
  }

  /** Two routes: post-read (GET/HEAD /posts/{slug}, legacy) and everything-else (/**, legacy). */
  static EdgeConfig config(Path stateDir) {
    return config(stateDir, List.of(
        route("post-read", "/posts/{slug}", Set.of("HEAD", "GET"), "blog.example", Side.LEGACY, 10),
        route("everything-else", "/**", Set.of(), null, Side.LEGACY, 20)));
  }

  static EdgeConfig config(Path stateDir, List<RouteConfig> routes) {
    return new EdgeConfig(
        stateDir.resolve("routes.yaml"),
        new HostPort("127.0.0.1", 0),
        new AdminConfig(new HostPort("127.0.0.1", 0), ""),
        new StateConfig(stateDir, "jdbc:sqlite:" + stateDir.resolve("edge.db")),
        Map.of(
            "legacy", new UpstreamConfig("legacy", List.of(URI.create("http://127.0.0.1:5001")), 3, Duration.ofSeconds(10)),
            "new", new UpstreamConfig("new", List.of(URI.create("http://127.0.0.1:5002")), 3, Duration.ofSeconds(10))),
        new Defaults(TIMEOUTS, SHADOW),
        new Limits(8192, 65536, 10 << 20),
        routes,
        MaskConfig.none());
  }
}
