package dev.strangler.config;

import java.nio.file.Path;

/**
 * A routes.yaml that cannot be used, with the place of the mistake. The message reads
 * {@code file:line:column: reason}; line and column are 1-based, or 0 when the problem concerns
 * the whole file (it cannot be read at all).
 */
public final class ConfigException extends Exception {
  private final Path file;
  private final int line;
  private final int column;
  private final String reason;

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
    this.reason = reason;
  }

  /** A problem with the file as a whole (line and column 0), such as an unreadable file. */
  public ConfigException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
    this.line = 0;
    this.column = 0;
    this.reason = reason;
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

  /** The sentence without the {@code file:line:column: } prefix. */
  public String reason() {
    return reason;
  }
}
