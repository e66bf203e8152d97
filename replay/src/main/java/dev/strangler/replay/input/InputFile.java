package dev.strangler.replay.input;

import java.nio.file.Path;

/**
 * One input file.
 *
 * @param index 0-based place among the inputs
 * @param path  the file
 */
public record InputFile(int index, Path path) {
  /** The file as named on the command line. */
  public String name() {
    return path.toString();
  }

  /** The position of a line of this file; its sequence number is the line. */
  public Position line(long line) {
    return new Position(index, name(), line, line);
  }
}
