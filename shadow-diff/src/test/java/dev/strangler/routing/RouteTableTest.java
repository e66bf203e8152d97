package dev.strangler.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.config.CompareConfig;
import dev.strangler.config.MatchConfig;
import dev.strangler.config.RecordConfig;
import dev.strangler.config.RouteConfig;
import dev.strangler.config.ShadowConfig;
import dev.strangler.config.Timeouts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private static final RouteTable TABLE = RouteTable.of(List.of(
      route("post-read", "/posts/{slug}", Set.of("GET", "HEAD"), null),
      route("post-write", "/posts/{slug}", Set.of(), null),
      route("admin-host", "/**", Set.of(), "admin.example.com"),
      route("api", "/api/posts/**", Set.of(), null),
      route("root", "/", Set.of("GET"), null),
      route("everything-else", "/**", Set.of(), null)));

  @Test
  void theFirstMatchingRouteWins() {
    assertThat(id("GET", "example.com", "/posts/hello")).contains("post-read");
    assertThat(id("POST", "example.com", "/posts/hello")).contains("post-write");
  }

  @Test
  void methodsNarrowARoute() {
    assertThat(id("HEAD", null, "/posts/hello")).contains("post-read");
    assertThat(id("DELETE", null, "/posts/hello")).contains("post-write");
    assertThat(id("POST", null, "/")).contains("everything-else");
  }

  @Test
  void hostMatchesIgnoringPortAndCase() {
    assertThat(id("GET", "admin.example.com", "/posts/x")).contains("post-read");
    assertThat(id("GET", "ADMIN.example.com:8443", "/settings")).contains("admin-host");
    assertThat(id("GET", "admin.example.com", "/")).contains("admin-host");
    assertThat(id("GET", "www.example.com:8080", "/settings")).contains("everything-else");
    assertThat(id("GET", null, "/settings")).contains("everything-else");
  }

  @Test
  void ipv6HostsKeepTheirBracketsAndLoseThePort() {
    RouteTable table = RouteTable.of(List.of(route("v6", "/**", Set.of(), "[::1]")));
    assertThat(table.match("GET", "[::1]:8080", "/x")).isPresent();
    assertThat(table.match("GET", "[::2]:8080", "/x")).isEmpty();
  }

  @Test
  void slashAndCatchAllAreDifferent() {
    assertThat(id("GET", null, "/")).contains("root");
    assertThat(id("GET", null, "/index.html")).contains("everything-else");
  }

  @Test
  void aTrailingSlashIsNotTheSameResource() {
    assertThat(id("GET", null, "/posts/hello/")).contains("everything-else");
    assertThat(id("GET", null, "/api/posts/")).contains("api");
    assertThat(id("GET", null, "/api/posts")).contains("api");
  }

  @Test
  void noRouteMatchesWithoutACatchAll() {
    RouteTable table = RouteTable.of(List.of(route("one", "/one", Set.of(), null)));
    assertThat(table.match("GET", null, "/two")).isEmpty();
  }

  private static Optional<String> id(String method, String host, String path) {
    return TABLE.match(method, host, path).map(RouteConfig::id);
  }

  private static RouteConfig route(String id, String path, Set<String> methods, String host) {
    return new RouteConfig(id, new MatchConfig(path, methods, host), Side.LEGACY,
        ShadowConfig.standard(), Map.of(), CompareConfig.lenient(), new RecordConfig(0),
        Timeouts.standard(), 1);
  }
}
