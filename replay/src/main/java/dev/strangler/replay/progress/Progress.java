package dev.strangler.replay.progress;

import dev.strangler.replay.report.Counts;
import java.io.PrintStream;
import java.util.Locale;

/** Shows how far a run is: a live bar on a terminal, plain periodic lines otherwise. */
public interface Progress extends AutoCloseable {

  /** One more input item is done; {@code totals} and {@code problems} are the run's so far. */
  void step(Counts totals, int problems);

  @Override
  void close();

  /**
   * The progress display for this process: a bar when a console is attached, else lines on
   * {@code err} every two seconds.
   *
   * @param total items expected; -1 when unknown
   */
  static Progress start(long total, boolean console, PrintStream err) {
    return console ? new BarProgress(total) : new LineProgress(total, err, 2000);
  }

  /** The running parity as people read it, e.g. {@code parity 98.50%}. */
  static String parity(Counts totals) {
    Double p = totals.parity();
    return p == null ? "parity n/a" : String.format(Locale.ROOT, "parity %.2f%%", p * 100);
  }
}
