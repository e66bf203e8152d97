package dev.strangler.config;

import java.nio.file.Path;

/**
 * Where the edge keeps state.
 *
 * @param dir      state directory (token file, SQLite file, captures)
 * @param store    JDBC URL of the state store ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...})
 * @param instance this edge's name among the instances sharing the store; "" to generate one
 *     at start-up
 */
public record StateConfig(Path dir, String store, String instance) {

  /** A state config whose instance name is generated at start-up. */
  public StateConfig(Path dir, String store) {
    this(dir, store, "");
  }
}
