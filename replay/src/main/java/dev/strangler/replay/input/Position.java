package dev.strangler.replay.input;

import java.util.Comparator;

/**
 * Where an item was read: the input file (by its place on the command line) and the line. Items
 * sort by file, then by their sequence number within the file (several HAR entries may share a
 * line).
 *
 * @param fileIndex 0-based place of the file among the inputs
 * @param file      the file as named on the command line
 * @param line      1-based line; 0 when the note concerns the whole file
 * @param seq       order of the item within the file
 */
public record Position(int fileIndex, String file, long line, long seq) implements Comparable<Position> {
  private static final Comparator<Position> ORDER = Comparator.comparingInt(Position::fileIndex)
      .thenComparingLong(Position::seq)
      .thenComparingLong(Position::line);

  /** A position that concerns the whole file. */
  public static Position wholeFile(InputFile file) {
    return new Position(file.index(), file.name(), 0, 0);
  }

  @Override
  public int compareTo(Position o) {
    return ORDER.compare(this, o);
  }

  /** {@code file:line}, or just the file for a whole-file note. */
  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line;
  }
}
