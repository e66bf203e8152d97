package dev.strangler.json;

/**
 * The strict single-pass parser from UTF-8 bytes to a {@link Tape}, as strict as Jackson's default
 * {@code ObjectMapper} with {@code FAIL_ON_TRAILING_TOKENS}: one value of RFC 8259 JSON after an
 * optional UTF-8 byte order mark, only space, tab, CR and LF around tokens, Jackson's limits
 * (nesting 1000, numbers 1000 characters, names 50,000, strings 20,000,000) and its reading of
 * UTF-8 ({@link Utf8}). Strings: {@link StringText}; numbers: {@link NumberText}.
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
  /** Where entries go: {@link #out}, or null while only validating (nothing is written). */
  private TapeBuilder sink;
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
    TapeParser parser = PARSERS.get().start(src, known, false);
    try {
      parser.document();
      parser.out.duplicateKeys = parser.duplicates;
      parser.out.depth = parser.maxDepth;
      return parser.out.build(src, known == null ? null : known.tape());
    } finally {
      parser.finish();
    }
  }

  /**
   * Checks that UTF-8 JSON text is one document {@link #parse(byte[])} accepts, without building
   * its tape or looking for repeated field names (a repeat never makes a document invalid).
   */
  static void validate(byte[] src) throws JsonSyntaxException {
    TapeParser parser = PARSERS.get().start(src, null, true);
    try {
      parser.document();
    } finally {
      parser.finish();
    }
  }

  private TapeParser start(byte[] src, KnownValues known, boolean checkOnly) {
    this.known = known;
    this.sink = checkOnly ? null : out;
    this.maxDepth = 0;
    this.src = src;
    this.len = src.length;
    this.out.reset();
    this.depth = 0;
    this.duplicates = false;
    this.keys.clear();
    return this;
  }

  private void finish() {
    src = null;
    known = null;
    out.shrink();
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
        return NumberText.scan(src, p, sink);
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
    int node = sink == null ? -1 : sink.add(kind, p, p);
    int q = skipSpace(p + 1);
    if (q < len && src[q] == close) {
      if (sink != null) {
        sink.close(node, q + 1, 0);
      }
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
    if (sink == null) {
      return;
    }
    sink.close(node, end, counts[depth]);
    if (object && keys.repeats(marks[depth], sink, src, node)) {
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
    if (sink != null) {
      sink.add(kind, p, p + n);
    }
    return p + n;
  }

  /** Scans the string at {@code p}; returns the offset after its closing quote. */
  private int string(int p, boolean name) throws JsonSyntaxException {
    int end = StringText.scan(src, p, sink, name);
    if (name && sink != null) {
      keys.push(StringText.nameHash(src, sink));
    }
    return end;
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
    return JsonSyntaxException.unexpected(src, p, what);
  }
}
