package dev.strangler.demo;

import dev.strangler.demo.legacy.LegacyApp;
import dev.strangler.demo.persist.PersistHost;
import dev.strangler.demo.web.ServerHandle;
import java.net.InetSocketAddress;
import java.time.Clock;

/** The two demo backends, startable on an ephemeral loopback port for a test. */
enum Backend {
  LEGACY("legacy") {
    @Override
    ServerHandle start(Clock clock) {
      return LegacyApp.start(LOOPBACK, clock);
    }
  },
  NEW("new") {
    @Override
    ServerHandle start(Clock clock) {
      return PersistHost.start(LOOPBACK, PersistHost.Settings.defaults().withClock(clock));
    }
  };

  static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

  final String servedBy;

  Backend(String servedBy) {
    this.servedBy = servedBy;
  }

  abstract ServerHandle start(Clock clock);
}
