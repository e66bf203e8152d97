package dev.strangler.edge.rollout;

import dev.strangler.config.ConfigException;
import dev.strangler.config.ConfigLoader;
import dev.strangler.config.EdgeConfig;
import dev.strangler.config.HostPort;
import dev.strangler.edge.admin.AdminToken;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Which admin API to call and with which token. The token comes from an environment variable,
 * else the config's {@code admin.token}, else the token file the edge generated into the config's
 * state directory; never from the command line. {@link #toString} leaves the token out.
 *
 * @param base  the admin API's base URL
 * @param token the bearer token
 */
record AdminTarget(URI base, String token) {
  static final URI DEFAULT_ADMIN = URI.create("http://127.0.0.1:9901");

  /**
   * Resolves the target from the options of {@code edge rollout}.
   *
   * @param admin    {@code --admin}, or null
   * @param config   {@code --config}, or null
   * @param tokenEnv {@code --token-env}
   * @param env      the environment
   * @throws AdminError when the config cannot be read or no token is found
   */
  static AdminTarget resolve(URI admin, Path config, String tokenEnv, UnaryOperator<String> env) throws AdminError {
    EdgeConfig cfg = config == null ? null : load(config);
    URI base = admin != null ? admin : cfg != null ? url(cfg.admin().listen()) : DEFAULT_ADMIN;
    String token = env.apply(tokenEnv);
    if (blank(token) && cfg != null) {
      token = cfg.admin().token().isBlank() ? tokenFile(AdminToken.fileIn(cfg.state().dir())) : cfg.admin().token();
    }
    if (blank(token)) {
      throw new AdminError("no admin token: set $" + tokenEnv + (config == null
          ? " or give --config routes.yaml (admin.token, or the token file in its state dir)"
          : ", or admin.token in " + config));
    }
    return new AdminTarget(base.toString().endsWith("/") ? base : URI.create(base + "/"), token.strip());
  }

  /** {@code http://host:port/} of an admin listener; a wildcard address is reached on loopback. */
  static URI url(HostPort listen) {
    String host = switch (listen.host()) {
      case "0.0.0.0" -> "127.0.0.1";
      case "::", "0:0:0:0:0:0:0:0" -> "[::1]";
      default -> listen.host().indexOf(':') >= 0 ? "[" + listen.host() + "]" : listen.host();
    };
    return URI.create("http://" + host + ":" + listen.port() + "/");
  }

  private static EdgeConfig load(Path config) throws AdminError {
    try {
      return ConfigLoader.load(config);
    } catch (ConfigException e) {
      throw new AdminError(e.getMessage(), e);
    }
  }

  private static String tokenFile(Path file) throws AdminError {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AdminError("cannot read the admin token file " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return "AdminTarget[" + base + "]";
  }
}
