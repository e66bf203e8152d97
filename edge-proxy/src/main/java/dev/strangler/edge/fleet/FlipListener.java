package dev.strangler.edge.fleet;

import dev.strangler.store.AuditListener;
import dev.strangler.store.StateStore;
import dev.strangler.store.StoreException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the audit sync the moment any instance commits a flip (PostgreSQL's LISTEN/NOTIFY, on a
 * dedicated connection and thread). A lost connection is reopened with backoff; meanwhile the
 * sync's poll carries on alone. On SQLite there is nothing to listen to and the thread ends.
 */
final class FlipListener implements AutoCloseable {
  static final int WAIT_MILLIS = 500;
  private static final Logger LOG = LoggerFactory.getLogger(FlipListener.class);

  private final StateStore store;
  private final Runnable onFlip;
  private final Backoff backoff = new Backoff(WAIT_MILLIS, StoreLoop.MAX_BACKOFF_MILLIS);
  private final Thread thread;
  private volatile boolean closed;

  FlipListener(StateStore store, Runnable onFlip) {
    this.store = store;
    this.onFlip = onFlip;
    this.thread = new Thread(this::run, "fleet-listen");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    AuditListener listener = null;
    boolean lost = false;
    while (!closed) {
      try {
        if (listener == null) {
          Optional<AuditListener> opened = store.listen();
          if (opened.isEmpty()) {
            return;
          }
          listener = opened.get();
          if (lost) {
            LOG.info("listening for flips again");
          }
          lost = false;
          backoff.reset();
          onFlip.run();
        }
        if (listener.await(WAIT_MILLIS)) {
          onFlip.run();
        }
      } catch (StoreException e) {
        if (!lost) {
          LOG.warn("flip notifications lost ({}); polling until they are back", StoreHealth.reason(e));
        }
        lost = true;
        close(listener);
        listener = null;
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(backoff.next()));
      }
    }
    close(listener);
  }

  private static void close(AuditListener listener) {
    if (listener != null) {
      listener.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
