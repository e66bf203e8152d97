package dev.strangler.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host and port to listen on or connect to, written {@code host:port} in routes.yaml
 * ({@code [::1]:8080} for IPv6; {@code 0.0.0.0:8080} for every interface; port 0 picks a free
 * port).
 */
public record HostPort(String host, int port) {
  private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^\\s:\\[\\]/]+):(\\d{1,5})");

  /**
   * Parses {@code host:port}.
   *
   * @throws IllegalArgumentException saying the expected form
   */
  public static HostPort parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "expected host:port with a port from 0 to 65535, like 127.0.0.1:8080");
    }
    String host = m.group(1);
    return new HostPort(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
