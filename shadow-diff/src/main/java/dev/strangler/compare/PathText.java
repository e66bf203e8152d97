package dev.strangler.compare;

import dev.strangler.json.Tape;

/** The text conventions of diff paths and rule patterns: plain names, quoting and brackets. */
final class PathText {
  private static final String[] LITERALS = {"true", "false", "null"};

  private PathText() {}

  /** Whether a field name can be written as {@code .name}. */
  static boolean plainName(String name) {
    if (name.isEmpty() || name.equals("*")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$' || c == '@')) {
        return false;
      }
    }
    return true;
  }

  /** Whether an ASCII byte may be part of a plain name: a letter, a digit or one of {@code _-$@}. */
  static boolean plainAscii(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
        || b == '_' || b == '-' || b == '$' || b == '@';
  }

  /** Whether an ASCII byte may start a plain key value ({@link #plainKey}): a letter or {@code _}. */
  static boolean plainKeyStart(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_';
  }

  /** Whether an ASCII byte may follow in a plain key value: a letter, a digit or one of {@code _-.@:+} and space. */
  static boolean plainKeyPart(byte b) {
    return plainKeyStart(b) || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '@' || b == ':' || b == '+' || b == ' ';
  }

  /** Whether the bytes {@code [from..to)} of a document spell {@code true}, {@code false} or {@code null}. */
  static boolean isLiteral(Tape tape, int from, int to) {
    for (String word : LITERALS) {
      if (to - from == word.length() && spells(tape, from, word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean spells(Tape tape, int from, String word) {
    for (int i = 0; i < word.length(); i++) {
      if (tape.byteAt(from + i) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a string key value can be written unquoted: a word that cannot read as a number. */
  static boolean plainKey(String value) {
    if (value.isEmpty() || value.equals("true") || value.equals("false") || value.equals("null")) {
      return false;
    }
    char first = value.charAt(0);
    if (!(Character.isLetter(first) || first == '_') || value.endsWith(" ")) {
      return false;
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(Character.isLetterOrDigit(c) || "_-.@:+ ".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** Appends {@code 'text'}, escaping quotes and backslashes. */
  static void appendQuoted(StringBuilder out, String text) {
    out.append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('\'');
  }

  /** The index of the {@code ]} closing the bracket opened at {@code open}, skipping quoted text. */
  static int closingBracket(String text, int open) {
    int i = open + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ']') {
        return i;
      }
      i = c == '\'' || c == '"' ? endOfQuoted(text, i) + 1 : i + 1;
    }
    return text.length() - 1;
  }

  /** The index of the quote closing the quoted text starting at {@code open}. */
  static int endOfQuoted(String text, int open) {
    char quote = text.charAt(open);
    int i = open + 1;
    while (i < text.length() && text.charAt(i) != quote) {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i, text.length() - 1);
  }

  /** The unescaped content of the quoted text from {@code open} to its closing quote {@code close}. */
  static String unquote(String text, int open, int close) {
    StringBuilder out = new StringBuilder(close - open);
    for (int i = open + 1; i < close; i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < close) {
        c = text.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
