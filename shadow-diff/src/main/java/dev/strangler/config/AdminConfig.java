package dev.strangler.config;

/**
 * The admin (control plane) listener.
 *
 * @param listen where the admin API listens
 * @param token  bearer token for {@code /admin/*}; empty means "generate one into the state dir"
 */
public record AdminConfig(HostPort listen, String token) {
  public AdminConfig {
    token = token == null ? "" : token;
  }
}
