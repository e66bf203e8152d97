package dev.strangler.config;

import java.nio.file.Path;

/**
 * Where the edge keeps state.
 *
 * @param dir   state directory (token file, SQLite file, captures)
 * @param store JDBC URL of the state store ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...})
 */
public record StateConfig(Path dir, String store) {}
