package dev.strangler.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The demo launcher's command line: which backends to run, where, and the new host's options.
 *
 * @param legacyPort port of the legacy app, or -1 when it does not run
 * @param newPort port of the new host, or -1 when it does not run
 * @param dataFile SQLite file of the new host, or null for in-memory
 */
record DemoArgs(String host, int legacyPort, int newPort, Path dataFile, boolean divergeCommentOrder) {
  static final String USAGE =
      "usage: demo legacy [--port 5001] [--host 127.0.0.1]\n"
          + "       demo new [--port 5002] [--data FILE] [--diverge-comment-order] [--host 127.0.0.1]\n"
          + "       demo both [--legacy-port 5001] [--new-port 5002] [--data FILE]"
          + " [--diverge-comment-order] [--host 127.0.0.1]";
  private static final Set<String> FLAGS = Set.of("--diverge-comment-order");

  /** Parses {@code args}; throws {@link IllegalArgumentException} with the reason when invalid. */
  static DemoArgs parse(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("missing command: legacy, new or both");
    }
    String command = args[0];
    List<String> allowed = switch (command) {
      case "legacy" -> List.of("--port", "--host");
      case "new" -> List.of("--port", "--host", "--data", "--diverge-comment-order");
      case "both" -> List.of("--legacy-port", "--new-port", "--host", "--data", "--diverge-comment-order");
      default -> throw new IllegalArgumentException("unknown command '" + command + "'");
    };
    Options options = new Options();
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown option '" + name + "' for " + command);
      }
      if (FLAGS.contains(name)) {
        options.divergeCommentOrder = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      }
      options.set(name, args[++i]);
    }
    return switch (command) {
      case "legacy" -> options.build(options.port(5001), -1);
      case "new" -> options.build(-1, options.port(5002));
      default -> options.build(options.legacyPort, options.newPort);
    };
  }

  private static final class Options {
    String host = "127.0.0.1";
    Integer port;
    int legacyPort = 5001;
    int newPort = 5002;
    Path dataFile;
    boolean divergeCommentOrder;

    void set(String name, String value) {
      switch (name) {
        case "--host" -> host = value;
        case "--data" -> dataFile = Path.of(value);
        case "--port" -> port = parsePort(value);
        case "--legacy-port" -> legacyPort = parsePort(value);
        case "--new-port" -> newPort = parsePort(value);
        default -> throw new IllegalArgumentException("unknown option '" + name + "'");
      }
    }

    int port(int fallback) {
      return port == null ? fallback : port;
    }

    DemoArgs build(int legacy, int fresh) {
      return new DemoArgs(host, legacy, fresh, dataFile, divergeCommentOrder);
    }
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("not a port: '" + value + "'");
  }
}
