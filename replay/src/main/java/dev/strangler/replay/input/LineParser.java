package dev.strangler.replay.input;

/** Turns one line of a line-per-item format into an item. */
@FunctionalInterface
public interface LineParser {
  /**
   * Parses a non-blank line.
   *
   * @return the item (a {@link Problem} when the line is malformed), or null when the line is
   *     valid but carries nothing to replay
   */
  Item parse(Position at, String line);
}
