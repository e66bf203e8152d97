package dev.strangler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A route's {@code guard} and the top-level {@code alerts}: read as written, mistakes refused at line:column. */
class GuardAlertsConfigTest {
  private static final String HEAD = ConfigLoaderErrorsTest.HEAD;
  private static final String ROUTE = ConfigLoaderErrorsTest.SLUG_ROUTE;

  @TempDir Path dir;

  @Test
  void readsGuardAndAlerts() throws Exception {
    EdgeConfig c = load(HEAD + ROUTE + """
            guard: {max-error-rate: 2%, max-diff-rate: 0.5%, min-requests: 100, window: 60s}
          - id: rest
            match: {path: "/**"}
            primary: legacy
            guard: {}
        alerts: {webhook: "http://127.0.0.1:9/hook?k=v", timeout: 2s, queue: 10, max-age: 1m}
        """);
    assertThat(c.routes().get(0).guard()).isEqualTo(new GuardConfig(0.02, 0.005, 100, Duration.ofSeconds(60)));
    assertThat(c.routes().get(1).guard()).isEqualTo(GuardConfig.standard());
    assertThat(c.alerts()).isEqualTo(new AlertsConfig(URI.create("http://127.0.0.1:9/hook?k=v"),
        Duration.ofSeconds(2), 10, Duration.ofMinutes(1)));
  }

  @Test
  void noGuardAndNoAlertsByDefault() throws Exception {
    EdgeConfig c = load(HEAD + ROUTE);
    assertThat(c.routes().get(0).guard()).isNull();
    assertThat(c.alerts().enabled()).isFalse();
  }

  @Test
  void routesInheritTheDefaultGuardOverrideSingleKeysOrTurnItOff() throws Exception {
    String head = HEAD.replace("routes:\n", "defaults: {guard: {max-error-rate: 5%, min-requests: 50}}\nroutes:\n");
    EdgeConfig c = load(head + ROUTE + """
          - id: strict
            match: {path: "/strict/**"}
            primary: legacy
            guard: {window: 30s}
          - id: unguarded
            match: {path: "/**"}
            primary: legacy
            guard: off
        """);
    assertThat(c.defaults().guard()).isEqualTo(new GuardConfig(0.05, 0.01, 50, Duration.ofSeconds(60)));
    assertThat(c.routes().get(0).guard()).isEqualTo(c.defaults().guard());
    assertThat(c.routes().get(1).guard()).isEqualTo(new GuardConfig(0.05, 0.01, 50, Duration.ofSeconds(30)));
    assertThat(c.routes().get(2).guard()).isNull();
  }

  @Test
  void aGuardThatIsNeitherAMappingNorOffIsRefused() throws Exception {
    assertRefused(ROUTE + "    guard: on\n", 9, 12,
        "'on' is not valid for 'guard' in route 'post-read': expected a mapping like {max-error-rate: 2%} or off");
  }

  @Test
  void aBadDefaultGuardIsRefusedWhereItIs() throws Exception {
    String yaml = HEAD.replace("routes:\n", "defaults:\n  guard: {max-diff-rate: 101%}\nroutes:\n") + ROUTE;
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(":6:26: '101%' is not valid for 'max-diff-rate' in defaults.guard");
  }

  @Test
  void rateOverAHundredPercentIsRefused() throws Exception {
    assertRefused(ROUTE + "    guard: {max-error-rate: 200%}\n", 9, 29,
        "'200%' is not valid for 'max-error-rate' in guard of route 'post-read': expected a percentage"
            + " from 0% to 100%, like 2% or 0.5%");
  }

  @Test
  void rateWithoutPercentSignIsRefused() throws Exception {
    assertRefused(ROUTE + "    guard:\n      max-diff-rate: 0.01\n", 10, 22,
        "'0.01' is not valid for 'max-diff-rate' in guard of route 'post-read': expected a percentage");
  }

  @Test
  void negativeWindowIsRefused() throws Exception {
    assertRefused(ROUTE + "    guard: {window: -60s}\n", 9, 21,
        "'-60s' is not valid for 'window' in guard of route 'post-read': expected whole seconds from 1s to 1h");
  }

  @Test
  void subSecondOrOverlongWindowIsRefused() throws Exception {
    assertRefused(ROUTE + "    guard: {window: 1500ms}\n", 9, 21, "expected whole seconds from 1s to 1h");
    assertRefused(ROUTE + "    guard: {window: 2h}\n", 9, 21, "expected whole seconds from 1s to 1h");
  }

  @Test
  void zeroMinRequestsIsRefused() throws Exception {
    assertRefused(ROUTE + "    guard: {min-requests: 0}\n", 9, 27,
        "'0' is not valid for 'min-requests' in guard of route 'post-read': expected a whole number of at least 1");
  }

  @Test
  void unknownGuardKeyIsRefused() throws Exception {
    assertRefused(ROUTE + "    guard: {max-errors: 2%}\n", 9, 13,
        "unknown key 'max-errors' in guard of route 'post-read'; expected one of: max-error-rate, max-diff-rate,"
            + " min-requests, window");
  }

  @Test
  void webhookMustBeAnHttpUrl() throws Exception {
    assertRefused(ROUTE + "alerts: {webhook: \"ftp://hooks/x\"}\n", 9, 19,
        "'ftp://hooks/x' is not valid for 'webhook' in alerts: expected an http or https URL with a host");
  }

  @Test
  void alertsNeedAWebhookAndABoundedQueue() throws Exception {
    assertRefused(ROUTE + "alerts: {timeout: 1s}\n", 9, 9, "missing required key 'webhook' in alerts");
    assertRefused(ROUTE + "alerts: {webhook: \"http://h/x\", queue: 0}\n", 9, 40,
        "'0' is not valid for 'queue' in alerts: expected a whole number of at least 1");
  }

  private void assertRefused(String routes, int line, int column, String gist) throws Exception {
    assertThatThrownBy(() -> load(HEAD + routes))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(":" + line + ":" + column + ": ")
        .hasMessageContaining(gist);
  }

  private EdgeConfig load(String yaml) throws Exception {
    Path file = dir.resolve("routes.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file, Map.of());
  }
}
