package dev.strangler.replay.progress;

import java.io.PrintStream;
import java.util.function.Supplier;

/** Shows how far a run is: a live bar on a terminal, plain periodic lines otherwise. */
public interface Progress extends AutoCloseable {

  /** One more input item is done. */
  void step();

  @Override
  void close();

  /**
   * The progress display for this process: a bar when a console is attached, else lines on
   * {@code err} every two seconds.
   *
   * @param total  items expected; -1 when unknown
   * @param status the run's state for people, read at each update, e.g. {@code parity 98.50%}
   */
  static Progress start(long total, boolean console, PrintStream err, Supplier<String> status) {
    return console ? new BarProgress(total, status) : new LineProgress(total, err, 2000, status);
  }
}
