package dev.strangler.demo.persist;

import dev.strangler.demo.blog.SeedPosts;
import dev.strangler.demo.web.BlogHandler;
import dev.strangler.demo.web.ServerHandle;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The persist-backed new blog host: posts are events in a {@link PersistStore} projected into a kv
 * read model. Same API and core JSON as the legacy app, a different page design, content
 * negotiation on {@code /posts/{slug}}, and {@code X-Served-By: new}.
 */
public final class PersistHost {
  /** The {@code X-Served-By} value of this backend. */
  public static final String SERVED_BY = "new";

  private PersistHost() {}

  /**
   * How to run the host.
   *
   * @param dataFile the SQLite file to keep state in, or null to keep it in memory
   * @param clock stamps new comments
   * @param divergeCommentOrder serve comments newest first: a deliberate domain difference from
   *     the legacy app (off by default)
   */
  public record Settings(Path dataFile, Clock clock, boolean divergeCommentOrder) {
    public Settings {
      Objects.requireNonNull(clock, "clock");
    }

    /** In memory, system clock, no divergence. */
    public static Settings defaults() {
      return new Settings(null, Clock.systemUTC(), false);
    }

    public Settings withDataFile(Path file) {
      return new Settings(file, clock, divergeCommentOrder);
    }

    public Settings withClock(Clock newClock) {
      return new Settings(dataFile, newClock, divergeCommentOrder);
    }

    public Settings withDivergeCommentOrder(boolean diverge) {
      return new Settings(dataFile, clock, diverge);
    }
  }

  /** Starts the host in memory with the seed posts on {@code address} (port 0: ephemeral). */
  public static ServerHandle start(InetSocketAddress address) {
    return start(address, Settings.defaults());
  }

  /** Starts the host; seed posts are imported into a store that has never held them. */
  public static ServerHandle start(InetSocketAddress address, Settings settings) {
    PersistStore store =
        settings.dataFile() == null ? PersistStore.inMemory() : PersistStore.open(settings.dataFile());
    EventSourcedCatalog catalog =
        new EventSourcedCatalog(store, settings.clock(), settings.divergeCommentOrder());
    try {
      catalog.seed(SeedPosts.all());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    BlogHandler handler = new BlogHandler(SERVED_BY, catalog, new ModernPages());
    return ServerHandle.start(SERVED_BY, address, handler, store);
  }
}
