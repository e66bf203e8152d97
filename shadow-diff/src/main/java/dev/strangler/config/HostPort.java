package dev.strangler.config;

/** A host and port to listen on or connect to, written {@code host:port} in routes.yaml. */
public record HostPort(String host, int port) {
  @Override
  public String toString() {
    return host + ":" + port;
  }
}
