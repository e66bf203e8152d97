package dev.strangler.compare;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One difference between the two sides' core outputs.
 *
 * @param path   where it is, like {@code $.comments[2].body}
 * @param kind   what kind of difference
 * @param legacy the legacy side's value (null when absent)
 * @param fresh  the new side's value (null when absent)
 */
public record Diff(String path, DiffKind kind, JsonNode legacy, JsonNode fresh) {

  /** The path with every index replaced by {@code [*]}, so the same bug groups together. */
  public String shape() {
    return path.replaceAll("\\[[^\\]]*]", "[*]");
  }
}
