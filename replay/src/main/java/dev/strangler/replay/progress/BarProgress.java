package dev.strangler.replay.progress;

import dev.strangler.replay.report.Counts;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A live terminal progress bar (me.tongfei:progressbar): count, rate, ETA and running parity. */
final class BarProgress implements Progress {
  private final ProgressBar bar;

  BarProgress(long total) {
    this.bar = new ProgressBarBuilder()
        .setTaskName("replay")
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setUpdateIntervalMillis(250)
        .showSpeed()
        .setUnit(" req", 1)
        .build();
  }

  @Override
  public synchronized void step(Counts totals, int problems) {
    bar.step();
    bar.setExtraMessage(Progress.parity(totals) + (problems > 0 ? ", " + problems + " problems" : ""));
  }

  @Override
  public synchronized void close() {
    bar.close();
  }
}
