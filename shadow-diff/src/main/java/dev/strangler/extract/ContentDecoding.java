package dev.strangler.extract;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Undoes {@code Content-Encoding}: gzip (x-gzip), deflate (zlib-wrapped as RFC 9110 says, or the
 * raw deflate some servers send), br, zstd (RFC 8878, aircompressor's pure-Java decoder) and
 * identity, several in the order they were applied.
 * Output is capped so that a small compressed body cannot exhaust memory.
 */
final class ContentDecoding {
  /** Largest decoded body accepted. */
  static final int MAX_DECODED_BYTES = 32 << 20;

  private ContentDecoding() {}

  /** The body with every listed coding removed (codings listed in the order applied). */
  static byte[] decode(List<String> contentEncodings, byte[] body) throws ExtractionException {
    List<String> codings = codings(contentEncodings);
    Collections.reverse(codings);
    byte[] decoded = body;
    for (String coding : codings) {
      if (decoded.length == 0) {
        return decoded;
      }
      decoded = decodeOne(coding, decoded);
    }
    return decoded;
  }

  private static List<String> codings(List<String> headerValues) {
    List<String> codings = new ArrayList<>();
    for (String value : headerValues) {
      for (String part : value.split(",")) {
        String coding = part.strip().toLowerCase(Locale.ROOT);
        if (!coding.isEmpty() && !coding.equals("identity")) {
          codings.add(coding);
        }
      }
    }
    return codings;
  }

  private static byte[] decodeOne(String coding, byte[] body) throws ExtractionException {
    try {
      return switch (coding) {
        case "gzip", "x-gzip" -> readCapped(new GZIPInputStream(new ByteArrayInputStream(body)));
        case "deflate" -> inflate(body);
        case "br" -> readCapped(new BrotliInputStream(new ByteArrayInputStream(body)));
        case "zstd" -> readCapped(new ZstdInputStream(new ByteArrayInputStream(body)));
        default -> throw new ExtractionException("unsupported Content-Encoding '" + coding
            + "' (supported: gzip, deflate, br, zstd, identity)");
      };
    } catch (IOException | RuntimeException e) {
      throw new ExtractionException("cannot decode the " + coding + " body: " + e.getMessage(), e);
    }
  }

  /** zlib-wrapped when the first two bytes form a zlib header, raw deflate otherwise. */
  private static byte[] inflate(byte[] body) throws IOException, ExtractionException {
    boolean zlib = body.length >= 2
        && (body[0] & 0x0F) == 8
        && (((body[0] & 0xFF) << 8) | (body[1] & 0xFF)) % 31 == 0;
    Inflater inflater = new Inflater(!zlib);
    try {
      return readCapped(new InflaterInputStream(new ByteArrayInputStream(body), inflater));
    } finally {
      inflater.end();
    }
  }

  private static byte[] readCapped(InputStream in) throws IOException, ExtractionException {
    try (in) {
      byte[] bytes = in.readNBytes(MAX_DECODED_BYTES + 1);
      if (bytes.length > MAX_DECODED_BYTES) {
        throw new ExtractionException(
            "the decoded body is larger than " + (MAX_DECODED_BYTES >> 20) + " MiB");
      }
      return bytes;
    }
  }
}
