package dev.strangler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A route's {@code sticky} key: a cookie, a header, or by default the client address. */
class StickyConfigTest {
  /** A route on lines 6 to 8; a sticky line after it is line 9. */
  private static final String ROUTE = ConfigLoaderErrorsTest.HEAD + """
        - id: checkout
          match: {path: "/checkout/**"}
          primary: legacy
      """;

  @TempDir Path dir;

  @Test
  void readsACookieAHeaderOrTheDefaultAddress() throws Exception {
    assertThat(sticky("    sticky: {cookie: session}\n")).isEqualTo(new StickyConfig(StickyConfig.Kind.COOKIE, "session"));
    assertThat(sticky("    sticky: {header: X-User-Id}\n"))
        .isEqualTo(new StickyConfig(StickyConfig.Kind.HEADER, "X-User-Id"));
    assertThat(sticky("")).isEqualTo(StickyConfig.ADDRESS);
  }

  @Test
  void anUnknownStickyKindIsRefusedWithItsLineAndColumn() throws Exception {
    ConfigException e = refused("    sticky: {query: user}\n");
    assertAt(e, 9, 14, "unknown key 'query' in sticky of route 'checkout'; expected one of: cookie, header");
  }

  @Test
  void twoKindsOrNoneAreRefused() throws Exception {
    assertAt(refused("    sticky: {cookie: a, header: b}\n"), 9, 13, "takes exactly one of cookie, header");
    assertAt(refused("    sticky: {}\n"), 9, 13, "takes exactly one of cookie, header");
  }

  @Test
  void aNameThatIsNoTokenIsRefused() throws Exception {
    assertAt(refused("    sticky: {cookie: \"a b\"}\n"), 9, 22, "expected a cookie or header name");
  }

  private StickyConfig sticky(String line) throws Exception {
    return ConfigLoader.load(write(ROUTE + line), Map.of()).routes().get(0).sticky();
  }

  private ConfigException refused(String line) throws IOException {
    Path file = write(ROUTE + line);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("routes.yaml"), yaml);
  }

  private static void assertAt(ConfigException e, int line, int column, String gist) {
    assertThat(e.getMessage()).startsWith(e.file() + ":" + line + ":" + column + ": ").contains(gist);
  }
}
