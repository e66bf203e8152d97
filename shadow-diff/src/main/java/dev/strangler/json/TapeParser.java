package dev.strangler.json;

/**
 * The strict single-pass parser from UTF-8 bytes to a {@link Tape}, as strict as Jackson's default
 * {@code ObjectMapper} with {@code FAIL_ON_TRAILING_TOKENS}: one value of RFC 8259 JSON after an
 * optional UTF-8 byte order mark, only space, tab, CR and LF around tokens, Jackson's limits
 * (nesting 1000, numbers 1000 characters, names 50,000, strings 20,000,000) and its reading of
 * UTF-8 ({@link Utf8}). Strings are scanned eight bytes at a time ({@link Bytes#special}).
 */
final class TapeParser {
  static final int MAX_DEPTH = 1000;
  static final int MAX_NUMBER_LENGTH = 1000;
  static final int MAX_NAME_LENGTH = 50_000;
  static final int MAX_STRING_LENGTH = 20_000_000;

  /** One parser per thread, reused: its stacks keep their size from one document to the next. */
  private static final ThreadLocal<TapeParser> PARSERS = ThreadLocal.withInitial(TapeParser::new);

  private final DuplicateKeys keys = new DuplicateKeys();
  private int[] open = new int[16];
  private int[] counts = new int[16];
  private int[] marks = new int[16];
  private boolean[] objects = new boolean[16];
  private byte[] src;
  private int len;
  private final TapeBuilder out = new TapeBuilder(1024);
  private KnownValues known;
  private int depth;
  private int maxDepth;
  private boolean duplicates;

  /**
   * Parses UTF-8 JSON text; the tape keeps {@code src}, which must not change afterwards. A
   * document that repeats a field name comes back with {@link Tape#duplicateKeys()} set.
   */
  static Tape parse(byte[] src) throws JsonSyntaxException {
    return parse(src, null);
  }

  /**
   * Parses UTF-8 JSON text, taking over the entries of values whose bytes {@code known} already
   * holds (null for none); the tape is the one {@link #parse(byte[])} gives.
   */
  static Tape parse(byte[] src, KnownValues known) throws JsonSyntaxException {
    TapeParser parser = PARSERS.get();
    parser.known = known;
    parser.maxDepth = 0;
    parser.src = src;
    parser.len = src.length;
    parser.out.reset();
    parser.depth = 0;
    parser.duplicates = false;
    parser.keys.clear();
    try {
      parser.document();
      parser.out.duplicateKeys = parser.duplicates;
      parser.out.depth = parser.maxDepth;
      return parser.out.build(src);
    } finally {
      parser.src = null;
      parser.known = null;
      parser.out.shrink();
    }
  }

  private void document() throws JsonSyntaxException {
    int p = 0;
    if (len >= 3 && src[0] == (byte) 0xEF && src[1] == (byte) 0xBB && src[2] == (byte) 0xBF) {
      p = 3;
    }
    p = skipSpace(p);
    if (p == len) {
      throw JsonSyntaxException.at(src, p, "No content: the input holds no JSON value");
    }
    while (true) {
      p = value(p);
      if (p < 0) {
        p = ~p;
        continue;
      }
      p = afterValue(p);
      if (p >= 0) {
        return;
      }
      p = ~p;
    }
  }

  /**
   * Parses the value at {@code p}: a scalar, or the opening of a container. Returns the offset
   * after a complete value, or the complement of the offset of the first item or field value
   * of an opened non-empty container.
   */
  private int value(int p) throws JsonSyntaxException {
    if (p >= len) {
      throw JsonSyntaxException.at(src, p, "Unexpected end-of-input: expected a value");
    }
    switch (src[p]) {
      case '{':
        return openContainer(Tape.OBJECT, p, '}');
      case '[':
        return openContainer(Tape.ARRAY, p, ']');
      case '"':
        return string(p, false);
      case 't':
        return literal(p, "true", Tape.BOOLEAN);
      case 'f':
        return literal(p, "false", Tape.BOOLEAN);
      case 'n':
        return literal(p, "null", Tape.NULL);
      case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        return NumberText.scan(src, p, out);
      default:
        throw unexpected(p, "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }
  }

  private int openContainer(int kind, int p, char close) throws JsonSyntaxException {
    if (known != null) {
      int n = known.find(src, p);
      if (n >= 0 && depth + known.tape().depth() <= MAX_DEPTH) {
        known.tape().copySubtree(n, out, p);
        maxDepth = Math.max(maxDepth, depth + known.tape().depth());
        return p + known.tape().end(n) - known.tape().start(n);
      }
    }
    if (depth == MAX_DEPTH) {
      throw JsonSyntaxException.at(src, p, "Document nesting depth exceeds the maximum allowed (" + MAX_DEPTH + ")");
    }
    int node = out.add(kind, p, p);
    int q = skipSpace(p + 1);
    if (q < len && src[q] == close) {
      out.close(node, q + 1, 0);
      return q + 1;
    }
    push(node, kind == Tape.OBJECT, kind == Tape.OBJECT ? keys.mark() : 0);
    return ~(kind == Tape.OBJECT ? field(q) : q);
  }

  /** After a complete value ending at {@code p}: the complement of the next value's offset, or the end. */
  private int afterValue(int p) throws JsonSyntaxException {
    while (true) {
      p = skipSpace(p);
      if (depth == 0) {
        if (p != len) {
          throw unexpected(p, "trailing token after the JSON value");
        }
        return p;
      }
      boolean object = objects[depth - 1];
      if (p >= len) {
        throw JsonSyntaxException.at(src, p, "Unexpected end-of-input: expected close marker for " + (object ? "Object" : "Array"));
      }
      byte c = src[p];
      if (c == ',') {
        counts[depth - 1]++;
        int q = skipSpace(p + 1);
        return ~(object ? field(q) : q);
      }
      if (c == (object ? '}' : ']')) {
        close(open[depth - 1], p + 1, object);
        p++;
        continue;
      }
      throw unexpected(p, "was expecting comma to separate " + (object ? "Object" : "Array") + " entries");
    }
  }

  private void close(int node, int end, boolean object) {
    depth--;
    out.close(node, end, counts[depth]);
    if (object && keys.repeats(marks[depth], out, src, node)) {
      duplicates = true;
    }
  }

  /** Parses a field name and its colon at {@code p}; returns the offset of the value. */
  private int field(int p) throws JsonSyntaxException {
    if (p >= len || src[p] != '"') {
      throw unexpected(p, "was expecting double-quote to start field name");
    }
    int end = string(p, true);
    int q = skipSpace(end);
    if (q >= len || src[q] != ':') {
      throw unexpected(q, "was expecting a colon to separate field name and value");
    }
    return skipSpace(q + 1);
  }

  private void push(int node, boolean object, int mark) {
    if (depth == open.length) {
      open = java.util.Arrays.copyOf(open, depth * 2);
      counts = java.util.Arrays.copyOf(counts, depth * 2);
      marks = java.util.Arrays.copyOf(marks, depth * 2);
      objects = java.util.Arrays.copyOf(objects, depth * 2);
    }
    objects[depth] = object;
    open[depth] = node;
    maxDepth = Math.max(maxDepth, depth + 1);
    counts[depth] = 1;
    marks[depth++] = mark;
  }

  private int literal(int p, String word, int kind) throws JsonSyntaxException {
    int n = word.length();
    for (int i = 0; i < n; i++) {
      if (p + i >= len || src[p + i] != word.charAt(i)) {
        throw JsonSyntaxException.at(src, p, "Unrecognized token: was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
      }
    }
    out.add(kind, p, p + n);
    return p + n;
  }

  /** Scans the string at {@code p} (its opening quote); returns the offset after the closing quote. */
  private int string(int p, boolean name) throws JsonSyntaxException {
    int q = p + 1;
    int flags = 0;
    while (true) {
      if (q + 8 <= len) {
        long special = Bytes.special(Bytes.word(src, q));
        if (special == 0) {
          q += 8;
          continue;
        }
        q += Bytes.firstByte(special);
      } else if (q >= len) {
        throw JsonSyntaxException.at(src, q, "Unexpected end-of-input in a string");
      }
      byte b = src[q];
      if (b == '"') {
        break;
      } else if (b == '\\') {
        q = escape(q);
        flags = Tape.DECODE;
      } else if (b < 0) {
        int end = Utf8.sequence(src, q, len);
        flags |= end < 0 ? Tape.DECODE : 0;
        q = end & ~Utf8.IRREGULAR;
      } else if (b < 0x20) {
        throw JsonSyntaxException.at(src, q, "Illegal unquoted character (CTRL-CHAR, code " + b + "): has to be escaped using backslash to be included in string value");
      } else {
        q++;
      }
    }
    int node = out.add(Tape.STRING | flags | (name ? Tape.NAME : 0), p, q + 1);
    if (q - p > (name ? MAX_NAME_LENGTH : MAX_STRING_LENGTH)) {
      checkLength(node, name);
    }
    if (name) {
      keys.push(flags == 0 ? Bytes.quick(src, p + 1, q) : quickHashOfText(out.view(src).text(node)));
    }
    return q + 1;
  }

  private static long quickHashOfText(String text) {
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return Bytes.quick(utf8, 0, utf8.length);
  }

  private void checkLength(int node, boolean name) throws JsonSyntaxException {
    int limit = name ? MAX_NAME_LENGTH : MAX_STRING_LENGTH;
    Tape tape = out.view(src);
    if (tape.text(node).length() > limit) {
      throw JsonSyntaxException.at(src, tape.start(node), (name ? "Name" : "String value") + " length exceeds the maximum allowed (" + limit + ")");
    }
  }

  private int escape(int q) throws JsonSyntaxException {
    if (q + 1 >= len) {
      throw JsonSyntaxException.at(src, len, "Unexpected end-of-input in a character escape");
    }
    switch (src[q + 1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        return q + 2;
      case 'u':
        for (int i = q + 2; i < q + 6; i++) {
          if (i >= len) {
            throw JsonSyntaxException.at(src, len, "Unexpected end-of-input in a character escape");
          }
          if (Character.digit(src[i], 16) < 0) {
            throw unexpected(i, "expected a hex-digit for character escape sequence");
          }
        }
        return q + 6;
      default:
        throw unexpected(q + 1, "Unrecognized character escape");
    }
  }

  private int skipSpace(int p) {
    while (p < len) {
      byte b = src[p];
      if (b > ' ' || (b != ' ' && b != '\n' && b != '\r' && b != '\t')) {
        return p;
      }
      p++;
    }
    return p;
  }

  private JsonSyntaxException unexpected(int p, String what) {
    if (p >= len) {
      return JsonSyntaxException.at(src, p, "Unexpected end-of-input: " + what);
    }
    int c = src[p] & 0xFF;
    String shown = c < 0x20 ? "CTRL-CHAR, code " + c : c < 0x80 ? "'" + (char) c + "' (code " + c + ")" : "byte 0x" + Integer.toHexString(c);
    return JsonSyntaxException.at(src, p, "Unexpected character (" + shown + "): " + what);
  }
}
