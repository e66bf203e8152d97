package dev.strangler.demo;

import dev.strangler.demo.legacy.LegacyApp;
import dev.strangler.demo.persist.PersistHost;
import dev.strangler.demo.web.ServerHandle;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo backends until killed:
 * {@code legacy --port 5001}, {@code new --port 5002 [--data FILE]} or
 * {@code both --legacy-port 5001 --new-port 5002}. Prints one "NAME listening on URL" line each.
 */
public final class DemoMain {
  private DemoMain() {}

  public static void main(String[] args) throws InterruptedException {
    DemoArgs parsed;
    try {
      parsed = DemoArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("demo: " + e.getMessage());
      System.err.println(DemoArgs.USAGE);
      System.exit(2);
      return;
    }
    List<ServerHandle> running = start(parsed);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.forEach(ServerHandle::close);
      stopped.countDown();
    }, "demo-shutdown"));
    stopped.await();
  }

  private static List<ServerHandle> start(DemoArgs args) {
    List<ServerHandle> running = new ArrayList<>();
    if (args.legacyPort() >= 0) {
      running.add(announce(LegacyApp.SERVED_BY,
          LegacyApp.start(new InetSocketAddress(args.host(), args.legacyPort()))));
    }
    if (args.newPort() >= 0) {
      PersistHost.Settings settings = PersistHost.Settings.defaults()
          .withDataFile(args.dataFile())
          .withDivergeCommentOrder(args.divergeCommentOrder());
      running.add(announce(PersistHost.SERVED_BY,
          PersistHost.start(new InetSocketAddress(args.host(), args.newPort()), settings)));
    }
    return running;
  }

  private static ServerHandle announce(String name, ServerHandle handle) {
    System.out.println(name + " listening on " + handle.baseUri());
    System.out.flush();
    return handle;
  }
}
