package dev.strangler.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code state: {dir, store, instance}}. Relative paths (the dir, and the file of a
 * {@code jdbc:sqlite:} URL) are resolved against the config file's directory, so the edge behaves
 * the same from any working directory. An instance name is up to {@value #MAX_INSTANCE}
 * characters, not blank, without control characters; empty means "generate one".
 */
final class StateReader {
  static final List<String> KEYS = List.of("dir", "store", "instance");
  static final int MAX_INSTANCE = 200;
  private static final String SQLITE = "jdbc:sqlite:";
  private static final String POSTGRES = "jdbc:postgresql:";

  private final NodeReader nodes;
  private final Path baseDir;

  StateReader(NodeReader nodes, Path baseDir) {
    this.nodes = nodes;
    this.baseDir = baseDir;
  }

  StateConfig read(Optional<Fields> state) throws ConfigException {
    Path dir = resolve("./data");
    String store = null;
    String instance = "";
    if (state.isPresent()) {
      dir = state.get().value("dir", dir, text -> resolve(Values.nonBlank(text)));
      store = state.get().value("store", null, this::storeUrl);
      instance = state.get().value("instance", instance, StateReader::instance);
    }
    return new StateConfig(dir, store != null ? store : SQLITE + dir.resolve("edge.db"), instance);
  }

  private static String instance(String name) {
    if (!name.isEmpty() && name.isBlank()) {
      throw new IllegalArgumentException(
          "expected a name for this edge instance, or nothing to have one generated, not blanks");
    }
    if (name.length() > MAX_INSTANCE) {
      throw new IllegalArgumentException("expected at most " + MAX_INSTANCE
          + " characters, got " + name.length());
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("control characters are not allowed in an instance name");
    }
    return name;
  }

  private Path resolve(String path) {
    return baseDir.resolve(path).normalize();
  }

  private String storeUrl(String url) {
    if (url.startsWith(POSTGRES)) {
      return url;
    }
    if (!url.startsWith(SQLITE)) {
      throw new IllegalArgumentException(
          "expected a JDBC URL like jdbc:sqlite:./data/edge.db or jdbc:postgresql://host/db");
    }
    String rest = url.substring(SQLITE.length());
    int query = rest.indexOf('?');
    String file = query < 0 ? rest : rest.substring(0, query);
    if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
      return url;
    }
    return SQLITE + resolve(file) + (query < 0 ? "" : rest.substring(query));
  }
}
