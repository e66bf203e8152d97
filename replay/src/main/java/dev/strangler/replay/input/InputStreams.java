package dev.strangler.replay.input;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens input files, gunzipping those that start with the gzip magic bytes (whatever their name). */
public final class InputStreams {
  private static final int BUFFER = 1 << 16;

  private InputStreams() {}

  /** The file's content, decompressed when it is gzip. */
  public static InputStream open(Path path) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), BUFFER);
    try {
      in.mark(2);
      int b1 = in.read();
      int b2 = in.read();
      in.reset();
      return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, BUFFER) : in;
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  /** The file's content as UTF-8 lines. */
  public static BufferedReader lines(Path path) throws IOException {
    return new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8), BUFFER);
  }
}
