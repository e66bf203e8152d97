package dev.strangler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code state.instance} (this edge's name in a fleet) and the hash of the file a config came from. */
class StateInstanceConfigTest {
  /** A valid config on lines 1 to 8; the state line written after it is line 9. */
  private static final String HEAD =
      """
      listen: 127.0.0.1:8080
      upstreams:
        legacy: {targets: ["http://127.0.0.1:5001"]}
        new: {targets: ["http://127.0.0.1:5002"]}
      routes:
        - id: all
          match: {path: "/**"}
          primary: legacy
      """;

  @TempDir Path dir;

  @Test
  void anInstanceNameIsReadAndMayComeFromTheEnvironment() throws Exception {
    assertThat(load(HEAD + "state: {instance: edge-7}\n", Map.of()).state().instance()).isEqualTo("edge-7");
    assertThat(load(HEAD + "state: {instance: ${HOSTNAME:-}}\n", Map.of("HOSTNAME", "web-1")).state().instance())
        .isEqualTo("web-1");
  }

  @Test
  void anEmptyOrMissingNameAsksForAGeneratedOne() throws Exception {
    assertThat(load(HEAD + "state: {instance: \"${HOSTNAME:-}\"}\n", Map.of()).state().instance()).isEmpty();
    assertThat(load(HEAD + "state: {dir: ./data}\n", Map.of()).state().instance()).isEmpty();
    assertThat(load(HEAD, Map.of()).state().instance()).isEmpty();
  }

  @Test
  void aBlankNameIsRefusedAtItsValue() throws IOException {
    ConfigException e = refused(HEAD + "state: {dir: ./data, instance: \"   \"}\n");
    assertAt(e, 9, 32, "'   ' is not valid for 'instance' in state: expected a name for this edge"
        + " instance, or nothing to have one generated, not blanks");
  }

  @Test
  void aNameLongerThan200CharactersIsRefused() throws IOException {
    ConfigException e = refused(HEAD + "state:\n  instance: " + "x".repeat(201) + "\n");
    assertAt(e, 10, 13, "is not valid for 'instance' in state: expected at most 200 characters, got 201");
  }

  @Test
  void aNameWithAControlCharacterIsRefused() throws IOException {
    ConfigException e = refused(HEAD + "state: {instance: \"edge\\t1\"}\n");
    assertAt(e, 9, 19, "control characters are not allowed in an instance name");
  }

  @Test
  void aNameOf200CharactersIsAccepted() throws Exception {
    String name = "x".repeat(200);
    assertThat(load(HEAD + "state: {instance: " + name + "}\n", Map.of()).state().instance()).isEqualTo(name);
  }

  @Test
  void unknownKeyInStateListsInstance() throws IOException {
    ConfigException e = refused(HEAD + "state: {instanse: a}\n");
    assertAt(e, 9, 9, "unknown key 'instanse' in state; expected one of: dir, store, instance");
  }

  @Test
  void theConfigCarriesTheSha256OfTheFileBytes() throws Exception {
    String yaml = HEAD + "# a comment changes the bytes, so the hash\n";
    EdgeConfig c = load(yaml, Map.of());
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8)));

    assertThat(c.sha256()).isEqualTo(expected);
    assertThat(load(HEAD, Map.of()).sha256()).hasSize(64).isNotEqualTo(expected);
  }

  private EdgeConfig load(String yaml, Map<String, String> env) throws Exception {
    return ConfigLoader.load(write(yaml), env);
  }

  private ConfigException refused(String yaml) throws IOException {
    Path file = write(yaml);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("routes.yaml"), yaml);
  }

  private static void assertAt(ConfigException e, int line, int column, String gist) {
    assertThat(new int[] {e.line(), e.column()}).as(e.getMessage()).containsExactly(line, column);
    assertThat(e.getMessage()).startsWith(e.file() + ":" + line + ":" + column + ": ");
    assertThat(e.reason()).contains(gist);
  }
}
