package dev.strangler.demo.legacy;

import dev.strangler.demo.blog.SeedPosts;
import dev.strangler.demo.web.BlogHandler;
import dev.strangler.demo.web.ServerHandle;
import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * The legacy blog: server-rendered HTML pages with the core JSON embedded in a
 * {@code <script id="core">} island, a JSON API, and SQL storage. Answers with
 * {@code X-Served-By: legacy}.
 */
public final class LegacyApp {
  /** The {@code X-Served-By} value of this backend. */
  public static final String SERVED_BY = "legacy";

  private LegacyApp() {}

  /** Starts the legacy app with the seed posts on {@code address} (port 0: ephemeral). */
  public static ServerHandle start(InetSocketAddress address) {
    return start(address, Clock.systemUTC());
  }

  /** As {@link #start(InetSocketAddress)}, stamping new comments with {@code clock}. */
  public static ServerHandle start(InetSocketAddress address, Clock clock) {
    SqlPostCatalog catalog = SqlPostCatalog.create(SeedPosts.all(), clock);
    BlogHandler handler = new BlogHandler(SERVED_BY, catalog, new LegacyPages());
    return ServerHandle.start(SERVED_BY, address, handler, catalog);
  }
}
