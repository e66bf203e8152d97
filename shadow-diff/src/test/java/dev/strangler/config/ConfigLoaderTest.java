package dev.strangler.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.routing.Side;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void loadsTheSpecExampleWithEveryValue() throws Exception {
    Path file = dir.resolve("routes.yaml");
    try (InputStream in = getClass().getResourceAsStream("spec-example.yaml")) {
      Files.copy(in, file);
    }

    EdgeConfig c = ConfigLoader.load(file, Map.of());

    assertThat(c.source()).isEqualTo(file);
    assertThat(c.listen()).isEqualTo(new HostPort("127.0.0.1", 8080));
    assertThat(c.admin()).isEqualTo(new AdminConfig(new HostPort("127.0.0.1", 9901), ""));
    assertThat(c.state().dir()).isEqualTo(dir.resolve("data"));
    assertThat(c.state().store()).isEqualTo("jdbc:sqlite:" + dir.resolve("data/edge.db"));
    assertThat(c.upstreams()).containsOnlyKeys("legacy", "new");
    assertThat(c.upstreams().get("legacy")).isEqualTo(new UpstreamConfig(
        "legacy", List.of(URI.create("http://127.0.0.1:5001")), 5, Duration.ofSeconds(10)));
    assertThat(c.upstreams().get("new").targets()).containsExactly(URI.create("http://127.0.0.1:5002"));
    Timeouts timeouts = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
    ShadowConfig shadow = new ShadowConfig(
        true, 1.0, Set.of("GET", "HEAD"), Duration.ofSeconds(5), 1024 * 1024, false, 256);
    assertThat(c.defaults()).isEqualTo(new Defaults(timeouts, shadow));
    assertThat(c.limits()).isEqualTo(new Limits(8192, 16384, 100L * 1024 * 1024));
    assertThat(c.mask()).isEqualTo(MaskConfig.none());
    assertThat(c.lifecycle()).isEqualTo(new LifecycleConfig(Duration.ZERO, Duration.ofSeconds(30)));
    assertThat(c.routes()).hasSize(2);

    RouteConfig postRead = c.routes().get(0);
    assertThat(postRead).isEqualTo(new RouteConfig(
        "post-read",
        new MatchConfig("/posts/{slug}", Set.of("GET", "HEAD"), null),
        Side.LEGACY,
        shadow,
        Map.of(Side.LEGACY, new CoreSpec.HtmlIsland("script#core"), Side.NEW, new CoreSpec.Json("/post")),
        new CompareConfig(CompareMode.LENIENT, List.of("$.updatedAt", "$.comments[*].id"),
            List.of("$.tags"), Map.of("$.comments", "author"), Map.of("$.total", 0.005)),
        new RecordConfig(0.01),
        timeouts,
        11));
    assertThat(c.routes().get(1)).isEqualTo(new RouteConfig(
        "everything-else", new MatchConfig("/**", Set.of(), null), Side.LEGACY, shadow, Map.of(),
        CompareConfig.lenient(), new RecordConfig(0), timeouts, 25));
  }

  @Test
  void theSpecExampleTakesTheAdminTokenFromTheEnvironment() throws Exception {
    Path file = dir.resolve("routes.yaml");
    try (InputStream in = getClass().getResourceAsStream("spec-example.yaml")) {
      Files.copy(in, file);
    }
    assertThat(ConfigLoader.load(file, Map.of("EDGE_ADMIN_TOKEN", "s3cret")).admin().token())
        .isEqualTo("s3cret");
  }

  @Test
  void theRepositoryExampleStaysValid() throws Exception {
    Path file = Path.of("../routes.yaml");

    EdgeConfig c = ConfigLoader.load(file, Map.of());

    Path root = Path.of("..").toAbsolutePath().normalize();
    assertThat(c.listen()).hasToString("127.0.0.1:8080");
    assertThat(c.admin().listen()).hasToString("127.0.0.1:9901");
    assertThat(c.admin().token()).isEmpty();
    assertThat(c.state().dir()).isEqualTo(root.resolve("data"));
    assertThat(c.upstreams().get("legacy").targets()).containsExactly(URI.create("http://127.0.0.1:5001"));
    assertThat(c.upstreams().get("new").targets()).containsExactly(URI.create("http://127.0.0.1:5002"));
    assertThat(c.routes()).extracting(RouteConfig::id)
        .containsExactly("post-read", "post-api", "everything-else");

    RouteConfig postRead = c.routes().get(0);
    assertThat(postRead.match()).isEqualTo(new MatchConfig("/posts/{slug}", Set.of("GET", "HEAD"), null));
    assertThat(postRead.primary()).isEqualTo(Side.LEGACY);
    assertThat(postRead.shadow().enabled()).isTrue();
    assertThat(postRead.core()).isEqualTo(Map.of(Side.LEGACY, new CoreSpec.HtmlIsland("script#core"), Side.NEW,
        new CoreSpec.FirstFit(List.of(new CoreSpec.Json("/post"), new CoreSpec.HtmlIsland("script#core")))));
    assertThat(postRead.rewriteOf(Side.NEW)).isNotNull();
    assertThat(postRead.rewriteOf(Side.LEGACY)).isNull();
    assertThat(postRead.shadow().noise()).isEqualTo(new NoiseConfig(0.02, 20));
    assertThat(postRead.compare()).isEqualTo(new CompareConfig(CompareMode.STRICT_ORDER,
        List.of("$.updatedAt"), List.of("$.tags"), Map.of(), Map.of()));
    assertThat(postRead.record().sample()).isEqualTo(1.0);

    RouteConfig postApi = c.routes().get(1);
    assertThat(postApi.match().path()).isEqualTo("/api/posts/**");
    assertThat(postApi.primary()).isEqualTo(Side.LEGACY);
    assertThat(postApi.core()).isEqualTo(Map.of(Side.LEGACY, new CoreSpec.Json(""), Side.NEW, new CoreSpec.Json("")));

    RouteConfig rest = c.routes().get(2);
    assertThat(rest.match().path()).isEqualTo("/**");
    assertThat(rest.primary()).isEqualTo(Side.LEGACY);
  }

  @Test
  void substitutesEnvironmentReferencesBeforeTyping() throws Exception {
    Path file = write("""
        listen: ${EDGE_LISTEN:-127.0.0.1:8080}
        admin: {token: ${EDGE_TOKEN}}
        upstreams:
          legacy: {targets: ["http://${LEGACY_HOST}:5001"]}
          new: {targets: ["http://${NEW_HOST:-localhost}:5002"], eject-for: "${EJECT:-3s}"}
        routes:
          - id: all
            match: {path: "/**"}
            primary: ${PRIMARY:-legacy}
            shadow: {sample: "${SAMPLE}", max-body: ${MAX_BODY:-2MiB}}
        """);

    EdgeConfig c = ConfigLoader.load(file, Map.of(
        "EDGE_TOKEN", "t0k3n", "LEGACY_HOST", "10.0.0.7", "NEW_HOST", "", "PRIMARY", "new",
        "SAMPLE", "0.25"));

    assertThat(c.listen()).isEqualTo(new HostPort("127.0.0.1", 8080));
    assertThat(c.admin().token()).isEqualTo("t0k3n");
    assertThat(c.upstreams().get("legacy").targets()).containsExactly(URI.create("http://10.0.0.7:5001"));
    assertThat(c.upstreams().get("new").targets()).containsExactly(URI.create("http://localhost:5002"));
    assertThat(c.upstreams().get("new").ejectFor()).isEqualTo(Duration.ofSeconds(3));
    RouteConfig route = c.routes().get(0);
    assertThat(route.primary()).isEqualTo(Side.NEW);
    assertThat(route.shadow().sample()).isEqualTo(0.25);
    assertThat(route.shadow().maxBody()).isEqualTo(2L * 1024 * 1024);
  }

  @Test
  void routeSettingsOverrideSingleKeysOfTheDefaults() throws Exception {
    Path file = write("""
        listen: 127.0.0.1:8080
        upstreams:
          legacy: {targets: ["http://127.0.0.1:5001"]}
          new: {targets: ["http://127.0.0.1:5002"]}
        defaults:
          timeouts: {response: 10s}
          shadow: {sample: 0.5, timeout: 2s, methods: [get]}
        routes:
          - id: writes
            match: {path: "/orders", methods: [post]}
            primary: legacy
            shadow: {methods: [POST], mirror-writes: true}
            timeouts: {connect: 250ms}
          - id: rest
            match: {path: "/**"}
            primary: legacy
            shadow: {enabled: false}
        """);

    EdgeConfig c = ConfigLoader.load(file, Map.of());

    assertThat(c.defaults().timeouts()).isEqualTo(
        new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60)));
    assertThat(c.defaults().shadow()).isEqualTo(
        new ShadowConfig(true, 0.5, Set.of("GET"), Duration.ofSeconds(2), 1 << 20, false, 256));
    RouteConfig writes = c.routes().get(0);
    assertThat(writes.match().methods()).containsExactly("POST");
    assertThat(writes.shadow()).isEqualTo(
        new ShadowConfig(true, 0.5, Set.of("POST"), Duration.ofSeconds(2), 1 << 20, true, 256));
    assertThat(writes.timeouts()).isEqualTo(
        new Timeouts(Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(60)));
    RouteConfig rest = c.routes().get(1);
    assertThat(rest.shadow()).isEqualTo(
        new ShadowConfig(false, 0.5, Set.of("GET"), Duration.ofSeconds(2), 1 << 20, false, 256));
    assertThat(rest.timeouts()).isEqualTo(c.defaults().timeouts());
  }

  @Test
  void resolvesRelativeStatePathsAgainstTheConfigFilesDirectory() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Path file = write(conf.resolve("routes.yaml"), minimal(
        "state: {dir: ../state, store: \"jdbc:sqlite:./db/edge.db?journal_mode=WAL\"}"));

    StateConfig state = ConfigLoader.load(file, Map.of()).state();

    assertThat(state.dir()).isEqualTo(dir.resolve("state"));
    assertThat(state.store()).isEqualTo("jdbc:sqlite:" + conf.resolve("db/edge.db") + "?journal_mode=WAL");
  }

  @Test
  void theDefaultStoreLivesInTheStateDir() throws Exception {
    Path file = write(dir.resolve("routes.yaml"), minimal("state: {dir: var/edge}"));

    StateConfig state = ConfigLoader.load(file, Map.of()).state();

    assertThat(state.dir()).isEqualTo(dir.resolve("var/edge"));
    assertThat(state.store()).isEqualTo("jdbc:sqlite:" + dir.resolve("var/edge/edge.db"));
  }

  @Test
  void absoluteAndServerStoresAreKeptAsWritten() throws Exception {
    Path db = dir.resolve("elsewhere/edge.db");
    assertThat(ConfigLoader.load(write(dir.resolve("a.yaml"), minimal("state: {store: \"jdbc:sqlite:" + db + "\"}")),
        Map.of()).state().store()).isEqualTo("jdbc:sqlite:" + db);
    assertThat(ConfigLoader.load(write(dir.resolve("b.yaml"),
        minimal("state: {store: \"jdbc:postgresql://db:5432/edge?user=edge\"}")), Map.of()).state().store())
        .isEqualTo("jdbc:postgresql://db:5432/edge?user=edge");
  }

  @Test
  void readsTheInstanceNameFromTheFileOrTheEnvironment() throws Exception {
    assertThat(ConfigLoader.load(write(minimal("state: {instance: edge-7}")), Map.of()).state().instance())
        .isEqualTo("edge-7");
    assertThat(ConfigLoader.load(write(minimal("state: {instance: ${HOSTNAME:-}}")), Map.of("HOSTNAME", "web-1"))
        .state().instance()).isEqualTo("web-1");
    String longest = "x".repeat(200);
    assertThat(ConfigLoader.load(write(minimal("state: {instance: " + longest + "}")), Map.of()).state().instance())
        .isEqualTo(longest);
  }

  @Test
  void anEmptyOrMissingInstanceNameAsksForAGeneratedOne() throws Exception {
    assertThat(ConfigLoader.load(write(minimal("state: {instance: \"${HOSTNAME:-}\"}")), Map.of()).state().instance())
        .isEmpty();
    assertThat(ConfigLoader.load(write(minimal("state: {dir: ./data}")), Map.of()).state().instance()).isEmpty();
    assertThat(ConfigLoader.load(write(minimal("")), Map.of()).state().instance()).isEmpty();
  }

  @Test
  void theConfigCarriesTheSha256OfTheFileBytes() throws Exception {
    String yaml = minimal("# a comment changes the bytes, so the hash");
    EdgeConfig c = ConfigLoader.load(write(yaml), Map.of());

    assertThat(c.sha256()).isEqualTo(HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8))));
    assertThat(ConfigLoader.load(write(minimal("")), Map.of()).sha256()).hasSize(64).isNotEqualTo(c.sha256());
  }

  @Test
  void readsEveryCoreExtractorAndMatchHost() throws Exception {
    Path file = write("""
        listen: "[::1]:0"
        upstreams:
          legacy: {targets: ["http://legacy.internal:80/"], eject-after: 2, eject-for: 1m}
          new: {targets: ["http://10.0.0.1:5002", "http://10.0.0.2:5002"], mirror-pipelining: 1}
        limits: {max-uri-length: 4KB, max-header-size: 1KiB, max-request-body: 1GiB}
        routes:
          - id: product.page_1
            match: {path: "/products/*", host: Shop.Example.com}
            primary: new
            core:
              legacy: {html-fields: {title: "h1", price: "span.price@data-amount"}}
              new: {header: X-Core-Output}
          - id: health
            match: {path: "/health"}
            primary: legacy
            core:
              legacy: {status-only: true}
        """);

    EdgeConfig c = ConfigLoader.load(file, Map.of());

    assertThat(c.listen()).isEqualTo(new HostPort("::1", 0));
    assertThat(c.limits()).isEqualTo(new Limits(4000, 1024, 1L << 30));
    assertThat(c.upstreams().get("legacy")).isEqualTo(new UpstreamConfig(
        "legacy", List.of(URI.create("http://legacy.internal:80")), 2, Duration.ofMinutes(1)));
    assertThat(c.upstreams().get("new").targets()).hasSize(2);
    assertThat(c.upstreams().get("legacy").mirrorPipelining()).isEqualTo(UpstreamConfig.DEFAULT_MIRROR_PIPELINING);
    assertThat(c.upstreams().get("new").mirrorPipelining()).isEqualTo(1);
    RouteConfig product = c.routes().get(0);
    assertThat(product.match().host()).isEqualTo("shop.example.com");
    assertThat(product.primary()).isEqualTo(Side.NEW);
    assertThat(product.core()).isEqualTo(Map.of(
        Side.LEGACY, new CoreSpec.HtmlFields(Map.of("title", "h1", "price", "span.price@data-amount")),
        Side.NEW, new CoreSpec.Header("X-Core-Output")));
    assertThat(c.routes().get(1).core()).isEqualTo(Map.of(Side.LEGACY, new CoreSpec.StatusOnly()));
  }

  @Test
  void readsTheMaskSection() throws Exception {
    EdgeConfig c = ConfigLoader.load(write(minimal("""
        mask:
          headers: [X-Api-Key, X-Session]
          query: [token, api_key]
          json: ["$.password", "$.users[*].ssn", "$['credit card'].number"]
        """)), Map.of());

    assertThat(c.mask()).isEqualTo(new MaskConfig(Set.of("X-Api-Key", "X-Session"),
        Set.of("token", "api_key"), List.of("$.password", "$.users[*].ssn", "$['credit card'].number")));
  }

  @Test
  void maskKeysAreOptional() throws Exception {
    EdgeConfig c = ConfigLoader.load(write(minimal("mask: {query: [token]}")), Map.of());
    assertThat(c.mask()).isEqualTo(new MaskConfig(Set.of(), Set.of("token"), List.of()));
  }

  private Path write(String yaml) throws IOException {
    return write(dir.resolve("routes.yaml"), yaml);
  }

  private static Path write(Path file, String yaml) throws IOException {
    return Files.writeString(file, yaml);
  }

  @Test
  void readsTheLifecycleSingleKeysKeepingTheOtherDefault() throws Exception {
    assertThat(ConfigLoader.load(write(minimal("lifecycle: {drain-delay: 2s, drain-timeout: 45s}")), Map.of())
        .lifecycle()).isEqualTo(new LifecycleConfig(Duration.ofSeconds(2), Duration.ofSeconds(45)));
    assertThat(ConfigLoader.load(write(minimal("lifecycle: {drain-delay: 500ms}")), Map.of()).lifecycle())
        .isEqualTo(new LifecycleConfig(Duration.ofMillis(500), Duration.ofSeconds(30)));
    assertThat(ConfigLoader.load(write(minimal("lifecycle: {drain-timeout: 5s}")), Map.of()).lifecycle())
        .isEqualTo(new LifecycleConfig(Duration.ZERO, Duration.ofSeconds(5)));
  }

  private static String minimal(String extra) {
    return """
        listen: 127.0.0.1:8080
        upstreams:
          legacy: {targets: ["http://127.0.0.1:5001"]}
          new: {targets: ["http://127.0.0.1:5002"]}
        routes:
          - {id: all, match: {path: "/**"}, primary: legacy}
        """ + extra + "\n";
  }
}
