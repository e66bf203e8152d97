package dev.strangler.edge.fleet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** This edge's name in the fleet: {@code state.instance}, or host-pid-random when that is empty. */
final class InstanceId {
  private static final int MAX = 200;

  private InstanceId() {}

  static String resolve(String configured) {
    if (!configured.isEmpty()) {
      return configured;
    }
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    String suffix = "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    String host = host();
    return host.substring(0, Math.min(host.length(), MAX - suffix.length())) + suffix;
  }

  private static String host() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "edge";
    }
  }
}
