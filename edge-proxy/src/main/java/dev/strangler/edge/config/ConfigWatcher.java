package dev.strangler.edge.config;

import dev.strangler.config.ConfigException;
import dev.strangler.config.ConfigLoader;
import dev.strangler.config.EdgeConfig;
import dev.strangler.edge.routing.LiveRoutes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload of routes.yaml. Polls the file's bytes on its own thread (so it sees in-place
 * writes, editors' atomic renames and symlink swaps alike) and applies a valid edit to
 * {@link LiveRoutes}; an invalid edit is refused and the running table stays. In-flight requests
 * finish on the snapshot they started with. A change is loaded only once the file's bytes are
 * unchanged for a short settle period, so a half-written file is not judged. Changes to {@code listen}, {@code admin} and
 * {@code state} take effect only on restart; the watcher says so in the log.
 */
public final class ConfigWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
  private static final long SETTLE_MILLIS = 100;

  private final Path file;
  private final LiveRoutes routes;
  private final ScheduledExecutorService timer;
  private byte[] lastSeen;

  /** Starts watching; {@code periodMillis} is the polling period. */
  public ConfigWatcher(Path file, LiveRoutes routes, long periodMillis) {
    this.file = file;
    this.routes = routes;
    this.lastSeen = read();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "config-watcher");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Checks the file once (also called by the timer). */
  public synchronized void check() {
    byte[] now = read();
    if (now == null || Arrays.equals(now, lastSeen) || !settled(now)) {
      return;
    }
    lastSeen = now;
    try {
      EdgeConfig next = ConfigLoader.load(file);
      warnAboutRestartOnlyChanges(routes.current().config(), next);
      routes.apply(next);
    } catch (ConfigException e) {
      routes.refuse(e);
    } catch (RuntimeException e) {
      LOG.error("reloading {} failed; keeping the running table", file, e);
    }
  }

  /** Whether the file still has these bytes a moment later: a write in progress is not loaded. */
  private boolean settled(byte[] seen) {
    try {
      Thread.sleep(SETTLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return Arrays.equals(seen, read());
  }

  private static void warnAboutRestartOnlyChanges(EdgeConfig running, EdgeConfig next) {
    if (!running.listen().equals(next.listen())
        || !running.admin().equals(next.admin())
        || !running.state().equals(next.state())) {
      LOG.warn("listen, admin and state changes in routes.yaml take effect after a restart");
    }
  }

  private byte[] read() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
