package dev.strangler.edge.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real edge in a JVM of its own ({@code dev.strangler.edge.Main --config FILE} on the test
 * classpath), its ports read from the banner it prints. Its output goes to {@code <name>.log}.
 */
final class EdgeProcess implements AutoCloseable {
  private static final Pattern PROXY = Pattern.compile("^edge: proxy on http://[^:]+:(\\d+) ", Pattern.MULTILINE);
  private static final Pattern ADMIN = Pattern.compile("^edge: admin on http://[^:]+:(\\d+)", Pattern.MULTILINE);

  final String name;
  private final Process process;
  private final Path log;
  private int proxyPort;
  private int adminPort;

  private EdgeProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts an edge; {@code env} adds to the inherited environment. Call {@link #awaitUp} next. */
  static EdgeProcess start(String name, Path config, Map<String, String> env) throws IOException {
    Path log = config.resolveSibling(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx192m",
        "-cp", System.getProperty("java.class.path"),
        "dev.strangler.edge.Main", "--config", config.toString(), "--threads", "1"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    EdgeProcess edge = new EdgeProcess(name, pb.start(), log);
    Runtime.getRuntime().addShutdownHook(new Thread(edge.process::destroyForcibly));
    return edge;
  }

  /** Waits for the banner; fails with the log when the edge exits or takes too long. */
  EdgeProcess awaitUp(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String out = Files.readString(log);
      Matcher proxy = PROXY.matcher(out);
      Matcher admin = ADMIN.matcher(out);
      if (proxy.find() && admin.find()) {
        proxyPort = Integer.parseInt(proxy.group(1));
        adminPort = Integer.parseInt(admin.group(1));
        return this;
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + out);
      }
      Thread.sleep(50);
    }
    throw new AssertionError(name + " printed no banner in " + timeout + ":\n" + Files.readString(log));
  }

  String proxy() {
    return "http://127.0.0.1:" + proxyPort;
  }

  String admin() {
    return "http://127.0.0.1:" + adminPort;
  }

  /** {@code kill -9}: no shutdown hook, no last heartbeat. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** {@code kill -TERM} ({@link Process#destroy()} on Linux): the edge drains and exits. */
  void terminate() {
    process.destroy();
  }

  /** Waits for the process to exit and returns its exit status. */
  int awaitExit(Duration timeout) throws IOException, InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " did not exit within " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** What the edge printed so far. */
  String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
