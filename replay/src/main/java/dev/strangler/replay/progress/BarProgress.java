package dev.strangler.replay.progress;

import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A live terminal progress bar (me.tongfei:progressbar): count, rate, ETA and the run's state. */
final class BarProgress implements Progress {
  private final ProgressBar bar;
  private final Supplier<String> status;

  BarProgress(long total, Supplier<String> status) {
    this.status = status;
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
  public synchronized void step() {
    bar.step();
    bar.setExtraMessage(" " + status.get());
  }

  @Override
  public synchronized void close() {
    bar.setExtraMessage(" " + status.get());
    bar.close();
  }
}
