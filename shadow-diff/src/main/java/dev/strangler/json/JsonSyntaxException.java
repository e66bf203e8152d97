package dev.strangler.json;

/** JSON text that {@link Json#parse} refuses, with where the problem is (1-based line and column). */
public final class JsonSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int line;
  private final int column;

  JsonSyntaxException(String reason, int line, int column) {
    super(reason + (line > 0 ? " at " + line + ":" + column : ""));
    this.reason = reason;
    this.line = line;
    this.column = column;
  }

  /** Builds the exception for a problem at byte {@code offset} of {@code src}. */
  static JsonSyntaxException at(byte[] src, int offset, String reason) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < src.length; i++) {
      if (src[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new JsonSyntaxException(reason, line, offset - lineStart + 1);
  }

  /** Builds the exception for an unexpected byte (or end of input) at {@code offset}. */
  static JsonSyntaxException unexpected(byte[] src, int offset, String what) {
    if (offset >= src.length) {
      return at(src, offset, "Unexpected end-of-input: " + what);
    }
    int c = src[offset] & 0xFF;
    String shown = c < 0x20 ? "CTRL-CHAR, code " + c : c < 0x80 ? "'" + (char) c + "' (code " + c + ")" : "byte 0x" + Integer.toHexString(c);
    return at(src, offset, "Unexpected character (" + shown + "): " + what);
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }

  /** The 1-based line of the problem, 0 when unknown. */
  public int line() {
    return line;
  }

  /** The 1-based column (in bytes) of the problem, 0 when unknown. */
  public int column() {
    return column;
  }
}
