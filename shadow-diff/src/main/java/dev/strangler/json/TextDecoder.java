package dev.strangler.json;

/** Decodes the text of strings whose bytes hold escapes or irregular UTF-8. */
final class TextDecoder {
  private TextDecoder() {}

  /**
   * The text of the string content {@code src[from..to)} (without quotes), already validated;
   * {@code name} tells a field name, which Jackson decodes differently when its UTF-8 is irregular.
   */
  static String decode(byte[] src, int from, int to, boolean name) {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      byte b = src[i];
      if (b == '\\') {
        i = unescape(src, i, out);
      } else if (b >= 0) {
        out.append((char) b);
        i++;
      } else {
        int end;
        try {
          end = Utf8.sequence(src, i, to);
        } catch (JsonSyntaxException e) {
          throw new IllegalStateException("validated text is not valid", e);
        }
        if (end < 0) {
          return JacksonBridge.text(src, from - 1, to - from + 2, name);
        }
        out.appendCodePoint(codePoint(src, i, end));
        i = end;
      }
    }
    return out.toString();
  }

  private static int codePoint(byte[] src, int at, int end) {
    int lead = src[at] & 0xFF;
    int n = end - at;
    int cp = n == 2 ? lead & 0x1F : n == 3 ? lead & 0x0F : lead & 0x07;
    for (int i = at + 1; i < end; i++) {
      cp = (cp << 6) | (src[i] & 0x3F);
    }
    return cp;
  }

  private static int unescape(byte[] src, int i, StringBuilder out) {
    byte e = src[i + 1];
    switch (e) {
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'u' -> {
        int c = 0;
        for (int k = i + 2; k < i + 6; k++) {
          c = (c << 4) | Character.digit(src[k], 16);
        }
        out.append((char) c);
        return i + 6;
      }
      default -> out.append((char) e);
    }
    return i + 2;
  }
}
