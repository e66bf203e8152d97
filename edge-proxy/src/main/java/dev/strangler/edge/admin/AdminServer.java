package dev.strangler.edge.admin;

import dev.strangler.config.AdminConfig;
import dev.strangler.edge.fleet.Fleet;
import dev.strangler.edge.lifecycle.Lifecycle;
import dev.strangler.edge.metrics.EdgeMetrics;
import dev.strangler.edge.mirror.ShadowOutcomes;
import dev.strangler.noise.NoiseModel;
import dev.strangler.store.DiscrepancyStore;
import dev.strangler.edge.routing.LiveRoutes;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane: a Micronaut HTTP server on {@code admin.listen} serving the admin API
 * ({@code /admin/*}, bearer token), {@code /health}, {@code /health/ready} and {@code /metrics}.
 * Its application context is built programmatically and reads no configuration files or
 * environment.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  private final ApplicationContext context;
  private final EmbeddedServer server;
  private final Path tokenFile;

  private AdminServer(ApplicationContext context, EmbeddedServer server, Path tokenFile) {
    this.context = context;
    this.server = server;
    this.tokenFile = tokenFile;
  }

  /**
   * Resolves the token (configured, or generated into {@code <stateDir>/admin.token}) and starts
   * listening; port 0 binds an ephemeral port (see {@link #port()}).
   *
   * @param lifecycle the edge's stage, for readiness
   * @throws UncheckedIOException when the token file cannot be read or written
   */
  public static AdminServer start(AdminConfig admin, Path stateDir, LiveRoutes routes, EdgeMetrics metrics,
      ShadowOutcomes outcomes, DiscrepancyStore discrepancies, Fleet fleet, Lifecycle lifecycle,
      NoiseModel noise) {
    AdminToken token;
    try {
      token = AdminToken.resolve(admin, stateDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the admin token in " + stateDir, e);
    }
    ApplicationContext context = ApplicationContext.builder()
        .banner(false)
        .deduceEnvironment(false)
        .deduceCloudEnvironment(false)
        .enableDefaultPropertySources(false)
        .properties(properties(admin))
        .singletons(routes, metrics, token, outcomes, discrepancies, fleet, lifecycle, noise)
        .start();
    try {
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      if (!server.isRunning()) {
        server.start();
      }
      LOG.info("admin API listening on http://{}:{}", admin.listen().host(), server.getPort());
      return new AdminServer(context, server, token.file());
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  private static Map<String, Object> properties(AdminConfig admin) {
    return Map.of(
        "micronaut.application.name", "edge-admin",
        "micronaut.server.host", admin.listen().host(),
        "micronaut.server.port", admin.listen().port() == 0 ? -1 : admin.listen().port(),
        "micronaut.server.max-request-size", 64 * 1024,
        "micronaut.serde.serialization.inclusion", "ALWAYS");
  }

  /** The bound port. */
  public int port() {
    return server.getPort();
  }

  /** The generated token's file, or null when the token came from the config. */
  public Path tokenFile() {
    return tokenFile;
  }

  @Override
  public void close() {
    if (context.isRunning()) {
      server.stop();
      context.close();
    }
  }
}
