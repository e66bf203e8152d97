package dev.strangler.replay.input;

import java.io.IOException;

/** Reads one input format. Bad content never throws: it becomes a {@link Problem} item. */
public interface InputReader {
  /**
   * Hands every item of the file to the sink, in file order, until the sink says stop.
   *
   * @return false when the sink said stop
   * @throws IOException when the file cannot be opened at all
   */
  boolean read(InputFile file, ItemSink sink) throws IOException;
}
