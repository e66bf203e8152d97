package dev.strangler.edge.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Capture files: {@code capture-<utc time>.jsonl.gz} in one directory, a new file when the
 * current one reaches its size (compressed bytes) or age, the oldest files deleted beyond a count.
 * Each batch is one complete gzip member (a file is a valid multi-member gzip after every
 * {@link #flush()}), so a reader of a file still being written never sees a truncated stream.
 * Used by one thread.
 */
final class RollingGzipFiles implements AutoCloseable {
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final long maxBytes;
  private final Duration maxAge;
  private final int keepFiles;
  private final Clock clock;
  private Path current;
  private CountingStream counted;
  private GZIPOutputStream gzip;
  private long openedAt;

  RollingGzipFiles(Path dir, long maxBytes, Duration maxAge, int keepFiles, Clock clock) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.maxAge = maxAge;
    this.keepFiles = keepFiles;
    this.clock = clock;
  }

  /** Appends one line (a newline is added). */
  void write(String line) throws IOException {
    if (counted == null || (gzip == null && (counted.count >= maxBytes || clock.millis() - openedAt >= maxAge.toMillis()))) {
      roll();
    }
    if (gzip == null) {
      gzip = new GZIPOutputStream(counted, 64 * 1024);
    }
    gzip.write(line.getBytes(StandardCharsets.UTF_8));
    gzip.write('\n');
  }

  /** Ends the current gzip member: everything written so far is a complete, readable file. */
  void flush() throws IOException {
    if (gzip != null) {
      gzip.finish();
      gzip = null;
      counted.flush();
    }
  }

  Path current() {
    return current;
  }

  private void roll() throws IOException {
    close();
    Files.createDirectories(dir);
    Path next = dir.resolve("capture-" + NAME.format(clock.instant()) + ".jsonl.gz");
    for (int i = 1; Files.exists(next); i++) {
      next = dir.resolve("capture-" + NAME.format(clock.instant()) + "-" + i + ".jsonl.gz");
    }
    counted = new CountingStream(Files.newOutputStream(next));
    current = next;
    openedAt = clock.millis();
    prune();
  }

  private void prune() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().matches("capture-.*\\.jsonl\\.gz"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
    for (int i = 0; i < files.size() - keepFiles; i++) {
      Files.deleteIfExists(files.get(i));
    }
  }

  @Override
  public void close() throws IOException {
    flush();
    if (counted != null) {
      counted.close();
      counted = null;
    }
  }

  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
