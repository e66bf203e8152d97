package dev.strangler.config;

import java.nio.file.Path;

/** A routes.yaml that cannot be used, with the place of the mistake. */
public final class ConfigException extends Exception {
  private final Path file;
  private final int line;
  private final int column;

  /**
   * @param file   the file
   * @param line   1-based line
   * @param column 1-based column
   * @param reason a plain sentence saying what is wrong and what is expected
   */
  public ConfigException(Path file, int line, int column, String reason) {
    super(file + ":" + line + ":" + column + ": " + reason);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
