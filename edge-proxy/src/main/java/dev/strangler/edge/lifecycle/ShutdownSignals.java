package dev.strangler.edge.lifecycle;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT: the first asks for a graceful drain ({@link #await} returns), a second ends
 * the process at once with status 128 + the signal's number (143 for SIGTERM, 130 for SIGINT).
 * They replace the JVM's own handlers, whose shutdown hooks would race the drain and exit with 143.
 */
public final class ShutdownSignals {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);
  private static final String[] NAMES = {"TERM", "INT"};

  private final CountDownLatch requested = new CountDownLatch(1);
  private final AtomicReference<String> first = new AtomicReference<>();

  private ShutdownSignals() {}

  /** Installs the handlers; a signal the JVM will not let go of keeps its default handling. */
  public static ShutdownSignals install() {
    ShutdownSignals signals = new ShutdownSignals();
    for (String name : NAMES) {
      try {
        Signal.handle(new Signal(name), signals::received);
      } catch (IllegalArgumentException e) {
        LOG.warn("SIG{} keeps the JVM's handling (no drain on it): {}", name, e.getMessage());
      }
    }
    return signals;
  }

  private void received(Signal signal) {
    if (first.compareAndSet(null, "SIG" + signal.getName())) {
      requested.countDown();
      return;
    }
    int status = 128 + signal.getNumber();
    System.err.println("edge: SIG" + signal.getName() + " during the drain: exiting now with status " + status);
    Runtime.getRuntime().halt(status);
  }

  /** Waits for the first signal and returns its name ({@code SIGTERM} or {@code SIGINT}). */
  public String await() throws InterruptedException {
    requested.await();
    return first.get();
  }
}
